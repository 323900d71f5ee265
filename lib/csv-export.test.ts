import { describe, expect, it } from "vitest";
import { toCsv } from "./csv-export";

describe("toCsv", () => {
  it("quotes commas, quotes and newlines", () => {
    expect(toCsv(["a", "b"], [["x,y", 'say "hi"'], ["line\nbreak", null]])).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",\r\n');
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    expect(toCsv(["v"], [["=HYPERLINK(\"x\")"], ["+1"], ["-cmd"], ["@SUM(A1)"]])).toBe(
      "v\r\n\"'=HYPERLINK(\"\"x\"\")\"\r\n\"'+1\"\r\n\"'-cmd\"\r\n\"'@SUM(A1)\"\r\n",
    );
  });

  it("leaves negative numbers alone", () => {
    expect(toCsv(["n"], [[-3]])).toBe("n\r\n-3\r\n");
  });
});
