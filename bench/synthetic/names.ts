import type { Entity, EntityKind } from "../../src/core/knowledge/schema.js";
import type { Random } from "./random.js";

const FIRST =
  "lan qiao mei ling rui xin feng yun tai bao kun jia hua song ping wen zhi hong chun qing lin xiu yao zhen duan liang mao nuo pei sui tian xia yong zhuo cui fang".split(
    " ",
  );
const SECOND =
  "ling qiao ran mei lun tan ze xi gang kou ping shui he shan tang yuan wan cheng bo ya lu feng sha ting pu ren hu zhai mo tuo".split(
    " ",
  );
const SURNAMES =
  "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Gao Zheng Liang Xie Tang Song Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Fu".split(
    " ",
  );
const PROVINCES =
  "Guangdong Zhejiang Jiangsu Sichuan Fujian Shandong Hubei Hunan Anhui Henan Jiangxi Yunnan".split(" ");
const COMPANY_ENDINGS = "tek gen bio soft tron lytics medic sense link nova".split(" ");
const PLACE_KINDS = [
  "Hi-tech Zone",
  "Science Park",
  "Innovation Town",
  "Returnee Start-up Park",
  "Software Park",
  "Biotech Valley",
  "Free Trade Zone",
  "Innovation District",
  "Talent Port",
  "Knowledge City",
];
const ADJECTIVES =
  "Golden Silver Jade Crimson Azure Evergreen Pearl Phoenix Sunrise Bright Harbour Summit Pioneer Horizon Beacon Orchid".split(
    " ",
  );
const PLANTS = "Magnolia Camellia Bamboo Pine Plum Osmanthus Peony Ginkgo Willow Cypress Azalea Kapok".split(
  " ",
);
const PLAN_WORDS = ["Plan", "Programme", "Initiative", "Scheme"];
const EVENT_KINDS = [
  "Overseas Talent Fair",
  "Returnee Innovation Expo",
  "Overseas Scholars Forum",
  "Returnee Start-up Contest",
  "Global Talent Week",
];
const ORG_KINDS = [
  "Returned Scholars Association",
  "Talent Service Centre",
  "Human Resources and Social Security Bureau",
  "Institute of Advanced Materials",
  "Academy of Life Sciences",
  "Overseas Talent Bureau",
  "Institute of Artificial Intelligence",
  "Venture Capital Guidance Fund",
  "University of Technology",
  "Returnee Entrepreneurs Club",
  "Science and Technology Bureau",
  "Institute of Marine Biology",
];
/** Put before a kind of thing once plain names in a city run out: "Lanling Autumn Talent Fair". */
const QUALIFIERS = "International Spring Autumn Youth Digital Green Coastal Northern Southern".split(" ");
const PUBLICATION_KINDS = [
  "Returnee Talent Report",
  "Overseas Talent Blue Book",
  "Talent Attraction Survey",
  "Start-up Ecosystem Review",
];
/** Real cities the generator must not reinvent: questions about them should stay unanswerable. */
export const REAL_CITIES =
  "beijing shanghai guangzhou shenzhen hangzhou chengdu wuhan nanjing tianjin xian suzhou chongqing qingdao xiamen dalian shenyang changsha zhengzhou jinan hefei fuzhou kunming harbin ningbo wuxi dongguan foshan taiyuan nanning lanzhou xining yinchuan lhasa guiyang haikou sanya zhuhai shantou wenzhou changchun nanchang luoyang yantai tokyo".split(
    " ",
  );

const cap = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** A name and its other spellings; the generator keeps it only if none of them is taken. */
export interface Naming {
  name: string;
  aliases: string[];
  summary: string;
}

/** A made-up name of two syllables, or three once two keep colliding. */
function coined(r: Random, attempt: number): string {
  const third = attempt >= 8 ? r.pick(SECOND) : "";
  return cap(r.pick(FIRST) + r.pick(SECOND) + third);
}

/** Invents a name for an entity of one kind; `city` is the city it sits in, when it sits in one. */
export function nameFor(kind: EntityKind, r: Random, attempt: number, city?: Entity): Naming {
  const where = city?.name ?? coined(r, attempt);
  const qualified = (kindName: string) => (attempt >= 6 ? `${r.pick(QUALIFIERS)} ${kindName}` : kindName);
  const year = r.int(2008, 2024);
  switch (kind) {
    case "city": {
      const name = coined(r, attempt);
      const summary = `A city in ${r.pick(PROVINCES)} province courting overseas returnees with its own talent policies.`;
      return { name, aliases: [`${name} City`], summary };
    }
    case "place": {
      const kindName = qualified(r.pick(PLACE_KINDS));
      return {
        name: `${where} ${kindName}`,
        aliases: [],
        summary: `A ${kindName.toLowerCase()} in ${where} hosting returnee start-ups.`,
      };
    }
    case "programme": {
      const stem = `${attempt >= 6 ? `${where} ` : ""}${r.pick(ADJECTIVES)} ${r.pick(PLANTS)}`;
      const [word, other] = r.sample(PLAN_WORDS, 2);
      return {
        name: `${stem} ${word}`,
        aliases: [`${stem} ${other}`, stem],
        summary: `${where}'s talent programme for overseas returnees.`,
      };
    }
    case "event": {
      const kindName = qualified(r.pick(EVENT_KINDS));
      return {
        name: `${where} ${kindName}`,
        aliases: [`${kindName} in ${where}`],
        summary: `A yearly ${kindName.toLowerCase()} held in ${where}.`,
      };
    }
    case "organisation": {
      const kindName = qualified(r.pick(ORG_KINDS));
      return {
        name: `${where} ${kindName}`,
        aliases: [`${kindName} of ${where}`],
        summary: `A body in ${where} working with overseas talents.`,
      };
    }
    case "company": {
      const name = coined(r, attempt) + r.pick(COMPANY_ENDINGS);
      return {
        name,
        aliases: [`${name} Technology`],
        summary: "A technology company founded by returnees.",
      };
    }
    case "person": {
      const surname = r.pick(SURNAMES);
      const given = coined(r, attempt);
      return {
        name: `${surname} ${given}`,
        aliases: [`${given} ${surname}`, `Dr ${surname} ${given}`],
        summary: "A returnee scientist and entrepreneur.",
      };
    }
    case "publication":
      return {
        name: `${year} ${where} ${r.pick(PUBLICATION_KINDS)}`,
        aliases: [],
        summary: `A yearly survey of returnees in ${where}.`,
      };
    case "award": {
      const adjective = qualified(r.pick(ADJECTIVES));
      return {
        name: `${where} ${adjective} Talent Award`,
        aliases: [`${adjective} Talent Award of ${where}`],
        summary: `An award ${where} gives to overseas talents.`,
      };
    }
  }
}

/** Kinds that sit within a city. */
export const CITY_BOUND: ReadonlySet<EntityKind> = new Set([
  "place",
  "programme",
  "event",
  "organisation",
  "publication",
  "award",
]);
