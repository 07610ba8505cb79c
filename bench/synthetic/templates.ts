import type { Entity, EntityKind } from "../../src/core/knowledge/schema.js";
import type { Draft, World } from "./facts.js";
import { type Figures, grouped, ordinal } from "./figures.js";

const COUNTRIES = ["the United States", "the United Kingdom", "Germany", "Canada", "Australia", "Japan"];
const FIELDS = ["new drugs", "machine learning", "battery materials", "gene editing", "chip design"];

/** Writes a fact about a subject; undefined when an entity it needs does not exist. */
type Template = (s: Entity, w: World, f: Figures) => Draft | undefined;

/** Fact templates by the kind of their subject; every kind has one that needs no other entity. */
export const TEMPLATES: Record<EntityKind, Template[]> = {
  city: [
    (s, _, f) => {
      const y = f.year();
      const text = `By the end of ${y}, ${s.name} had drawn ${f.count(2000, 90000)} overseas returnees, ${f.percent()} more than a year earlier.`;
      const questions = [
        `How many overseas returnees has ${s.name} attracted?`,
        `${s.name} returnee numbers`,
        `How many returnees live in ${s.name}?`,
      ];
      return { text, topic: "returnees", entities: [s.id], figures: f.list, asOf: y, questions };
    },
    (s, _, f) => ({
      text: `${s.name} issued ${f.count(100, 5000)} talent green cards to overseas professionals in ${f.year()}.`,
      topic: "talent-policy",
      entities: [s.id],
      figures: f.list,
      questions: [
        `How many talent green cards has ${s.name} issued?`,
        `${s.name} green cards for overseas talent`,
      ],
    }),
    (s, _, f) => ({
      text: `A ${f.year()} survey found that ${f.percent()} of returnees who start a business choose ${s.name}.`,
      topic: "entrepreneurship",
      entities: [s.id],
      figures: f.list,
      questions: [
        `What share of returnee founders choose ${s.name}?`,
        `What percentage of returnees start a business in ${s.name}?`,
      ],
    }),
  ],
  place: [
    (s, w, f) => {
      const { words, iso } = f.month();
      const text = `As of ${words}, ${s.name} housed ${f.count(3, 200)} incubators and ${f.count(50, 4000)} start-ups founded by returnees.`;
      const questions = [
        `How many incubators are in ${s.name}?`,
        `How many returnee start-ups does ${s.name} have?`,
        `${s.name} incubators`,
      ];
      return {
        text,
        topic: "innovation",
        entities: [s.id, w.cityOf(s).id],
        figures: f.list,
        asOf: iso,
        questions,
      };
    },
    (s, w, f) => ({
      text: `${s.name} covers ${f.put(`${w.r.int(2, 120)} square kilometres`)} and opened in ${f.year()}.`,
      topic: "scale",
      entities: [s.id],
      figures: f.list,
      questions: [`How big is ${s.name}?`, `When did ${s.name} open?`, `${s.name} area`],
    }),
  ],
  programme: [
    (s, w, f) => ({
      text: `${w.cityOf(s).name} launched the ${s.name} in ${f.year()}; it offers returnee founders start-up subsidies of up to ${f.put(`${w.r.int(1, 20)} million yuan`)}.`,
      topic: "talent-policy",
      entities: [s.id],
      figures: f.list,
      questions: [
        `What does the ${s.name} offer?`,
        `How much can returnees get from the ${s.name}?`,
        `When was the ${s.name} launched?`,
      ],
    }),
    (s, _, f) => ({
      text: `By ${f.year()}, the ${s.name} had supported ${f.count(20, 3000)} overseas talents and ${f.count(5, 900)} start-up projects.`,
      topic: "talent-policy",
      entities: [s.id],
      figures: f.list,
      questions: [`How many talents has the ${s.name} supported?`, `${s.name} results`],
    }),
  ],
  event: [
    (s, w, f) => {
      const day = w.r.int(1, 27);
      const { words, iso } = f.month();
      const text = `The ${s.name} took place in ${w.cityOf(s).name} on ${f.put(`${day}-${day + 1} ${words}`)}.`;
      return {
        text,
        topic: "events",
        entities: [s.id],
        figures: f.list,
        asOf: iso,
        questions: [`When is the ${s.name}?`, `${s.name} dates`, `Where is the ${s.name} held?`],
      };
    },
    (s, _, f) => ({
      text: `In ${f.year()} the ${s.name} drew ${f.count(500, 40000)} overseas talents and ${f.count(50, 3000)} employers.`,
      topic: "scale",
      entities: [s.id],
      figures: f.list,
      questions: [
        `How many people attended the ${s.name}?`,
        `How big is the ${s.name}?`,
        `${s.name} attendance`,
      ],
    }),
    (s, w) => {
      const organiser = w.any("organisation");
      if (organiser === undefined) return undefined;
      return {
        text: `The ${s.name} is organised by the ${organiser.name}.`,
        topic: "organisers",
        entities: [s.id, organiser.id],
        figures: [],
        questions: [`Who organises the ${s.name}?`, `organiser of the ${s.name}`],
      };
    },
  ],
  organisation: [
    (s, _, f) => ({
      text: `The ${s.name} employs ${f.count(40, 3000)} researchers, ${f.percent()} of whom studied or worked abroad.`,
      topic: "research",
      entities: [s.id],
      figures: f.list,
      questions: [`How many researchers work at the ${s.name}?`, `How many returnees work at the ${s.name}?`],
    }),
    (s, w, f) => ({
      text: `The ${s.name} runs a hotline for overseas talents, ${f.put(`+86 ${w.r.int(10, 99)} ${w.r.int(1000, 9999)} ${w.r.int(1000, 9999)}`)}, opened in ${f.year()}.`,
      topic: "contact",
      entities: [s.id],
      figures: f.list,
      questions: [`How can I contact the ${s.name}?`, `${s.name} phone number`, `${s.name} hotline`],
    }),
  ],
  company: [
    (s, w, f) => {
      const founder = w.any("person");
      const city = w.any("city");
      if (founder === undefined || city === undefined) return undefined;
      return {
        text: `${s.name} was founded in ${f.year()} by returnee ${founder.name} and employs ${f.count(10, 5000)} people in ${city.name}.`,
        topic: "companies",
        entities: [s.id, founder.id, city.id],
        figures: f.list,
        questions: [
          `Who founded ${s.name}?`,
          `When was ${s.name} founded?`,
          `How many people work at ${s.name}?`,
        ],
      };
    },
    (s, w, f) => {
      const { words, iso } = f.month();
      const text = `${s.name} raised ${f.put(`${w.r.int(5, 900)} million yuan`)} in a funding round in ${words}.`;
      return {
        text,
        topic: "investment",
        entities: [s.id],
        figures: f.list,
        asOf: iso,
        questions: [`How much has ${s.name} raised?`, `${s.name} funding`],
      };
    },
  ],
  person: [
    (s, w, f) => {
      const city = w.any("city");
      if (city === undefined) return undefined;
      return {
        text: `${s.name} studied in ${w.r.pick(COUNTRIES)} from ${f.year()} and later returned to ${city.name} to lead research on ${w.r.pick(FIELDS)}.`,
        topic: "people",
        entities: [s.id, city.id],
        figures: f.list,
        questions: [
          `When did ${s.name} go abroad?`,
          `Where did ${s.name} study?`,
          `What does ${s.name} work on?`,
        ],
      };
    },
    (s, w, f) => {
      const award = w.any("award");
      if (award === undefined) return undefined;
      return {
        text: `${s.name} received the ${award.name} in ${f.year()}.`,
        topic: "awards",
        entities: [s.id, award.id],
        figures: f.list,
        questions: [`What award did ${s.name} win?`, `When did ${s.name} receive the ${award.name}?`],
      };
    },
  ],
  publication: [
    (s, w, f) => {
      const city = w.cityOf(s);
      const text = `The ${s.name} found that ${f.percent()} of surveyed returnees planned to stay in ${city.name} for at least five years.`;
      return {
        text,
        topic: "rankings",
        entities: [s.id, city.id],
        figures: f.list,
        questions: [`What did the ${s.name} find?`, `How many returnees plan to stay in ${city.name}?`],
      };
    },
    (s, w, f) => {
      const city = w.cityOf(s);
      const text = `The ${s.name} ranked ${city.name} ${f.put(ordinal(w.r.int(1, 30)))} among ${f.count(31, 100)} Chinese cities for attracting overseas talent.`;
      return {
        text,
        topic: "rankings",
        entities: [s.id, city.id],
        figures: f.list,
        questions: [
          `Where does ${city.name} rank for overseas talent?`,
          `${city.name} ranking in the ${s.name}`,
        ],
      };
    },
  ],
  award: [
    (s, w, f) => ({
      text: `The ${s.name} is given each year to up to ${f.count(5, 100)} overseas talents and carries a prize of ${f.put(`${grouped(w.r.int(50, 1000) * 1000)} yuan`)}.`,
      topic: "awards",
      entities: [s.id],
      figures: f.list,
      questions: [`What is the ${s.name}?`, `How much is the ${s.name} worth?`, `Who can win the ${s.name}?`],
    }),
    (s, _, f) => ({
      text: `The ${s.name} was first given in ${f.year()}, and ${f.count(10, 600)} returnees had received it since.`,
      topic: "history",
      entities: [s.id],
      figures: f.list,
      questions: [`When was the ${s.name} first given?`, `How many people have won the ${s.name}?`],
    }),
  ],
};
