// Validate a clash iCalendar feed with Mozilla's ical.js (MPL-2.0; the
// parser of Thunderbird), installed by .ci/run from npm (issue 7).
//
// Usage: node validate_feed.mjs FEED.ics EXPECTED_EVENTS
//
// Checks that the feed parses, that every VEVENT has a UID, an all-day
// DTSTART and a later all-day DTEND, that UIDs are unique, and that the
// number of events is EXPECTED_EVENTS. Exits 1 on the first failure.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const [path, expected] = process.argv.slice(2);
const fail = (msg) => {
  console.error(`validate_feed.mjs: ${msg}`);
  process.exit(1);
};
let comp;
try {
  comp = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
} catch (e) {
  fail(`does not parse: ${e}`);
}
if (comp.getFirstPropertyValue("version") !== "2.0") fail("no VERSION 2.0");
if (!comp.getFirstPropertyValue("x-wr-calname")) fail("no X-WR-CALNAME");
const uids = new Set();
const events = comp.getAllSubcomponents("vevent");
for (const v of events) {
  const e = new ICAL.Event(v);
  if (!e.uid) fail("an event has no UID");
  if (uids.has(e.uid)) fail(`duplicate UID ${e.uid}`);
  uids.add(e.uid);
  if (!e.startDate || !e.startDate.isDate) fail(`${e.uid}: DTSTART is not a date`);
  if (!e.endDate || !e.endDate.isDate) fail(`${e.uid}: DTEND is not a date`);
  if (e.endDate.compare(e.startDate) <= 0) fail(`${e.uid}: DTEND not after DTSTART`);
  if (!e.summary) fail(`${e.uid}: no SUMMARY`);
}
if (events.length !== Number(expected)) fail(`${events.length} events, expected ${expected}`);
console.log(`validate_feed.mjs: ${path}: ${events.length} events valid`);
