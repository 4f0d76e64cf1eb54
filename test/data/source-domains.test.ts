import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { DATA_DIR } from "../../loaders/data/paths.js";

/**
 * Sites the data must not cite: forums, and mirrors, proxies, copy sites and aggregators that
 * republish someone else's page. Cite the primary source (Federal Register, GovInfo,
 * congress.gov, acquisition.gov, the agency, the vendor) or the reputable outlet that wrote it.
 */
const DENIED: Record<string, string> = {
  "goldseiten-forum.com": "forum",
  "wilderssecurity.com": "forum",
  "news-pravda.com": "aggregator of copied news",
  "98chat.xyz": "copy of TechCrunch",
  "vuink.com": "proxy mirror (of bis.gov)",
  "dcyh5l5lgidpq.cloudfront.net": "mirror of rferl.org",
  "preprod.cyberscoop.com": "pre-production copy of cyberscoop.com",
  "idec.foxears.su": "copy site",
  "kbs.bestantivirus.co.uk": "copy of vendor knowledge-base articles",
  "laicrypto.online": "copy site",
  "freeread.causeaction.com": "copy of paywalled articles",
  "rin.pw": "copy site",
  "worldofsoftware.org": "copy of PCMag",
  "devkrau3.wearehype.eu": "copy of a court decision",
  "universenewsnetwork.com": "copy of a Treasury press release",
  "osintcorp.net": "aggregator",
  "news.clateway.com": "copy of SecurityWeek",
  "cybermaterial.com": "aggregator",
  "shepherdgazette.com": "copy of Reuters",
  "technosolution.org": "copy site",
  "publicintelligence.net": "document mirror",
  "wifcon.com": "reproduction of statutes (cite congress.gov or GovInfo)",
  "everycrsreport.com": "mirror of CRS reports (cite crsreports.congress.gov)",
  "thefederalregister.org": "unofficial Federal Register mirror (cite GovInfo or federalregister.gov)",
  "federal.elaws.us": "Federal Register mirror",
  "elawyers.us": "copy of court opinions",
  "lexbuild.dev": "eCFR mirror (cite ecfr.gov or acquisition.gov)",
  "regulations.justia.com": "Federal Register mirror (cite GovInfo or federalregister.gov)",
};

/**
 * Citations still in the data, each for a stated reason; remove an entry once the URL is gone
 * (the last test fails while one stays listed after its URL has left the data).
 */
const PENDING: { file: string; url: string; why: string }[] = [];

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith(".json") ? [path] : [];
  });
}

/** Every http(s) URL in any string of a JSON value: `url` fields and URLs quoted in notes alike. */
function urlsIn(value: unknown, found: string[] = []): string[] {
  if (typeof value === "string") for (const m of value.matchAll(/https?:\/\/[^\s"'()<>]+/g)) found.push(m[0].replace(/[.,;:]+$/, ""));
  else if (Array.isArray(value)) for (const v of value) urlsIn(v, found);
  else if (value !== null && typeof value === "object") for (const v of Object.values(value)) urlsIn(v, found);
  return found;
}

/** Why a URL is denied, or null: its host, or a parent domain of it, is listed, or it is a bare IP address. */
export function deniedBecause(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith("[")) return "a bare IP address, a copy of someone else's page";
  const labels = host.split(".");
  for (let i = 0; i < labels.length - 1; i++) {
    const domain = labels.slice(i).join(".");
    if (DENIED[domain]) return DENIED[domain];
  }
  return null;
}

const files = jsonFiles(DATA_DIR).map((path) => ({ file: relative(DATA_DIR, path), urls: urlsIn(JSON.parse(readFileSync(path, "utf8"))) }));

describe("sources are primary or reputable", () => {
  it("reads the data files", () => {
    expect(files.map((f) => f.file)).toEqual(expect.arrayContaining(["assumptions.json", "pricebook.json", "catalogs/kaspersky.json", "timelines/kaspersky.json"]));
    expect(files.reduce((n, f) => n + f.urls.length, 0)).toBeGreaterThan(200);
  });

  it("recognises forums, mirrors and bare IP addresses, and passes primary sources", () => {
    expect(deniedBecause("https://goldseiten-forum.com/user-post-list/2873-bembelpetzer/?pageNo=5")).toBe("forum");
    expect(deniedBecause("https://www.wifcon.com/dodauth18/dod18_1634.htm")).toMatch(/statutes/);
    expect(deniedBecause("http://34.207.196.86/the-most-popular-wi-fi-router")).toMatch(/IP address/);
    expect(deniedBecause("https://www.govinfo.gov/content/pkg/FR-2024-06-24/html/2024-13532.htm")).toBeNull();
    expect(deniedBecause("https://cyberscoop.com/kaspersky-europol-eu-ban/")).toBeNull();
    expect(deniedBecause("https://www.bis.gov/press-release/commerce-department-prohibits-russian-kaspersky-software-us-customers")).toBeNull();
  });

  it("no data file cites a forum, mirror or copy site", () => {
    const pending = new Set(PENDING.map((p) => `${p.file} ${p.url}`));
    const cited = files.flatMap(({ file, urls }) => urls.filter((url) => deniedBecause(url) !== null && !pending.has(`${file} ${url}`)).map((url) => `${file}: ${url} (${deniedBecause(url)})`));
    expect(cited).toEqual([]);
  });

  it("every pending exception is still in the data (drop it from PENDING once fixed)", () => {
    for (const p of PENDING) expect(files.find((f) => f.file === p.file)?.urls ?? [], `${p.file} ${p.url}`).toContain(p.url);
  });
});
