import { expect } from "vitest";
import type { Reply } from "../../../commands/index.js";
import { LIMITS, renderAnswer } from "../../../src/adapters/discord/format.js";

/** Checks every limit Discord puts on a message, with 👍/👎 when given a ballot, and returns the embed. */
export function expectWithinLimits(answer: Reply, ballot?: string) {
  const reply = renderAnswer(answer, ballot);
  expect((reply.content ?? "").length).toBeLessThanOrEqual(LIMITS.content);
  expect(reply.embeds).toHaveLength(1);
  const [embed] = reply.embeds;
  const fields = embed?.fields ?? [];
  expect(embed?.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
  expect(embed?.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
  expect(embed?.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
  expect(fields.length).toBeLessThanOrEqual(LIMITS.fields);
  for (const field of fields) {
    expect(field.name.length).toBeGreaterThan(0);
    expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
    expect(field.value.length).toBeGreaterThan(0);
    expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
  }
  const total =
    (embed?.title?.length ?? 0) +
    (embed?.description?.length ?? 0) +
    (embed?.footer?.text.length ?? 0) +
    fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);

  expect(reply.components.length).toBeLessThanOrEqual(5);
  const buttons = reply.components.flatMap((row) => row.components);
  for (const row of reply.components) expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
  for (const button of buttons) {
    expect(button.label?.length ?? 0).toBeGreaterThan(0);
    expect(button.label?.length ?? 0).toBeLessThanOrEqual(LIMITS.buttonLabel);
    expect(button.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
  }
  expect(new Set(buttons.map((b) => b.custom_id)).size).toBe(buttons.length);
  expect(reply.allowedMentions).toEqual({ parse: [], repliedUser: false });
  return { embed, buttons, rows: reply.components };
}

/** Every character a person reads in a reply: content, embed text and button labels. */
export function visibleLength(answer: Reply): number {
  const reply = renderAnswer(answer);
  const embed = reply.embeds[0];
  return [
    reply.content ?? "",
    embed?.title ?? "",
    embed?.description ?? "",
    embed?.footer?.text ?? "",
    ...(embed?.fields ?? []).flatMap((f) => [f.name, f.value]),
    ...reply.components.flatMap((row) => row.components.map((b) => b.label ?? "")),
  ].join("").length;
}
