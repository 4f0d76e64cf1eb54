import { parseArgs } from "node:util";
import { describe, expect, it } from "vitest";
import { spreadFlags, wholeNumber } from "../../cli/args.js";

describe("spreadFlags", () => {
  const parse = (args: string[]) => parseArgs({ args: spreadFlags(args, ["--inventory"]), options: { inventory: { type: "string", multiple: true }, scenario: { type: "string" }, json: { type: "boolean" } } }).values;

  it("takes every file after one --inventory, as a shell glob gives them, and still takes the flag repeated", () => {
    expect(parse(["--scenario", "s.json", "--inventory", "a.csv", "b.csv", "c.json", "--json"])).toEqual({ scenario: "s.json", inventory: ["a.csv", "b.csv", "c.json"], json: true });
    expect(parse(["--inventory", "a.csv", "--inventory", "b.csv"])).toEqual({ inventory: ["a.csv", "b.csv"] });
    expect(parse(["--inventory", "a.csv", "--scenario", "s.json"])).toEqual({ inventory: ["a.csv"], scenario: "s.json" });
    expect(parse(["--inventory=a.csv", "b.csv"])).toEqual({ inventory: ["a.csv", "b.csv"] });
  });

  it("leaves a stray value after another flag to the parser, which refuses it", () => {
    expect(() => parse(["--scenario", "s.json", "extra.csv"])).toThrow(/extra\.csv/);
  });
});

describe("wholeNumber", () => {
  it("is undefined when not given, the number within bounds, else a usage error naming the flag", () => {
    expect(wholeNumber("trials", undefined, 100, 1000)).toBeUndefined();
    expect(wholeNumber("trials", "200", 100, 1000)).toBe(200);
    expect(() => wholeNumber("trials", "1e9", 100, 1000)).toThrow('--trials: expected a whole number from 100 to 1000, got "1e9"');
    expect(() => wholeNumber("trials", "2.5", 100, 1000)).toThrow(/--trials/);
  });
});
