// An identity-change consumer written against the .proto files alone, as a lab or pharmacy system would write one:
// it follows IdentityChangeService.Watch from the last cursor it processed and keeps record → person. Meanwhile this
// script registers a CSV file (registry,local_id,<Demographics fields>…) from CALLERS concurrent callers (default 32),
// each message with a message id, and a steward merges, unmerges, links and unlinks through PersonService.
// Every call outlives a service that goes away (kill -9 and restart, as clients/node/feed-follow.sh does twice): the
// Watch reconnects from its last cursor, a registration is sent again with the same message id.
// At the end it checks what the feed promises and exits 1 if any check fails:
//   - every change followed from what the consumer held (person_before = the person it had for the record),
//   - the cursors received equal ListChanges read from the start (no gap, no repeat, same order),
//   - the consumer's person for every registered record equals GetPerson's.
// Usage: MPI_API_KEY=… [MPI_ADDRESS=127.0.0.1:5080] node feed-follow.mjs records.csv
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

const address = process.env.MPI_ADDRESS ?? '127.0.0.1:5080';
const callers = Number(process.env.CALLERS ?? 32);
const protos = fileURLToPath(new URL('../../protos', import.meta.url));
const options = { keepCase: true, enums: String, longs: String, defaults: true, oneofs: true, includeDirs: [protos] };
const { mpi } = grpc.loadPackageDefinition(protoLoader.loadSync(
  ['mpi/v1/registration.proto', 'mpi/v1/persons.proto', 'mpi/v1/changes.proto'], options));

// Reconnect soon after the service is back (grpc-js otherwise backs off towards two minutes).
const channelOptions = { 'grpc.initial_reconnect_backoff_ms': 200, 'grpc.max_reconnect_backoff_ms': 1000 };
const creds = grpc.credentials.createInsecure();
const auth = new grpc.Metadata();
auth.add('authorization', `Bearer ${process.env.MPI_API_KEY}`);
const registration = new mpi.v1.RegistrationService(address, creds, channelOptions);
const persons = new mpi.v1.PersonService(address, creds, channelOptions);
const changes = new mpi.v1.IdentityChangeService(address, creds, channelOptions);

const call = (client, method, request) => new Promise((resolve, reject) =>
  client[method](request, auth, { deadline: Date.now() + 30_000 }, (err, res) => (err ? reject(err) : resolve(res))));
// While the service is down (or restarting, or shedding load) a call is sent again, unchanged, until it is answered.
const retried = new Set([grpc.status.UNAVAILABLE, grpc.status.RESOURCE_EXHAUSTED, grpc.status.DEADLINE_EXCEEDED,
  grpc.status.INTERNAL, grpc.status.UNKNOWN, grpc.status.CANCELLED]);
let resent = 0;
async function persistently(client, method, request) {
  for (;;) {
    try {
      return await call(client, method, request);
    } catch (e) {
      if (!retried.has(e.code)) throw e;
      resent++;
      await sleep(200);
    }
  }
}

// ---- the CSV: quoted fields may hold commas and doubled quotes
function parseLine(line) {
  const fields = [];
  let field = '', quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') { field += '"'; i++; }
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) { fields.push(field); field = ''; }
    else field += c;
  }
  fields.push(field);
  return fields;
}
const [header, ...rows] = readFileSync(process.argv[2], 'utf8').split(/\r?\n/).filter((l) => l.length > 0).map(parseLine);
// The canonical file's identifiers column holds TYPE|AUTHORITY|VALUE entries separated by ';' (the service's `load`
// reads it the same way); every other column is a Demographics string field of the same name.
const identifiersOf = (field) => field.split(';').filter((entry) => entry.trim() !== '').map((entry) => {
  const parts = entry.split('|');
  return { type: parts[0].trim(), authority: (parts[1] ?? '').trim(), value: parts.slice(2).join('|').trim() };
});
const messages = rows.map((row, i) => {
  const demographics = {};
  header.forEach((column, c) => {
    if (c < 2 || !row[c]) return;
    if (column === 'identifiers') demographics.identifiers = identifiersOf(row[c]);
    else demographics[column] = row[c];
  });
  return { key: { registry: row[0], local_id: row[1] }, demographics, message_id: `feed-follow-${i}` };
});

// ---- the consumer
const consumer = { cursor: '', persons: new Map(), delivered: [], seen: new Set(), kinds: {}, problems: [], reconnects: 0 };
const keyOf = (record) => `${record.registry}/${record.local_id}`;
function apply(change) {
  if (consumer.seen.has(change.cursor)) consumer.problems.push(`cursor ${change.cursor} delivered twice`);
  consumer.seen.add(change.cursor);
  consumer.delivered.push(change.cursor);
  consumer.kinds[change.kind] = (consumer.kinds[change.kind] ?? 0) + 1;
  if (change.kind === 'IDENTITY_CHANGE_KIND_PERSON_RETIRED') return; // no record: file person_before's under person_after
  const key = keyOf(change.record);
  const held = consumer.persons.get(key) ?? '';
  if (change.person_before !== held)
    consumer.problems.push(`${change.kind} of ${key} at ${change.cursor}: person_before ${change.person_before}, consumer held '${held}'`);
  consumer.persons.set(key, change.person_after);
}

let following = true;
let stream = null;
const followed = (async () => {
  while (following) {
    await new Promise((resolve) => {
      stream = changes.Watch({ from_cursor: consumer.cursor, registries: [] }, auth);
      stream.on('data', (message) => {
        for (const change of message.changes) apply(change);
        consumer.cursor = message.cursor;
      });
      stream.on('error', resolve); // the service went away (or we cancelled): resume from the cursor
      stream.on('end', resolve);
    });
    if (following) { consumer.reconnects++; await sleep(200); }
  }
})();

// ---- the steward: one change at a time among the records acknowledged so far
const acknowledged = [];
const steward = { merges: 0, unmerges: 0, links: 0, unlinks: 0 };
let seed = 20261206; // mulberry32: the same steward's choices on every run
const random = (n) => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) % n;
};
const skipped = new Set([grpc.status.ABORTED, grpc.status.FAILED_PRECONDITION, grpc.status.NOT_FOUND, ...retried]);
async function stewardStep() {
  if (acknowledged.length < 2) { await sleep(50); return; }
  const a = acknowledged[random(acknowledged.length)];
  const b = acknowledged[random(acknowledged.length)];
  try {
    const first = await call(persons, 'GetPerson', { record: a, reason: 'steward check' });
    const second = await call(persons, 'GetPerson', { record: b, reason: 'steward check' });
    const choice = random(3);
    if (choice === 0 && first.person_id !== second.person_id) {
      const merge = await call(persons, 'MergePersons', {
        survivor_person_id: first.person_id, merged_person_id: second.person_id, expected_survivor_version: first.version,
        expected_merged_version: second.version, reason: 'feed-follow: same person' });
      steward.merges++;
      if (random(2) === 0) {
        await call(persons, 'UnmergePerson', { person_id: second.person_id, expected_survivor_version: merge.survivor.version,
          reason: 'feed-follow: merged in error' });
        steward.unmerges++;
      }
    } else if (choice === 1 && first.person_id !== second.person_id) {
      await call(persons, 'Link', { record: a, to_person_id: second.person_id, expected_from_person_version: first.version,
        expected_to_person_version: second.version, reason: 'feed-follow: belongs there' });
      steward.links++;
    } else if (choice === 2 && first.records.length > 1) {
      await call(persons, 'Unlink', { record: a, expected_person_version: first.version, reason: 'feed-follow: not this person' });
      steward.unlinks++;
    }
  } catch (e) {
    if (!skipped.has(e.code)) throw e; // someone changed the persons first, or the service is down: move on
  }
}

// ---- the run
const started = performance.now();
let next = 0;
let registering = true;
const registered = Promise.all(Array.from({ length: callers }, async () => {
  for (let i = next++; i < messages.length; i = next++) {
    await persistently(registration, 'Register', messages[i]);
    acknowledged.push(messages[i].key);
  }
})).finally(() => { registering = false; });
const progress = setInterval(() => console.log(
  `${((performance.now() - started) / 1000).toFixed(0)} s: ${acknowledged.length} acknowledged, ${consumer.delivered.length} changes followed`), 2000);
while (registering) await stewardStep();
await registered;
for (let i = 0; i < 30; i++) await stewardStep();
clearInterval(progress);

// Caught up: the consumer's cursor reaches the newest change committed.
const { head_cursor: head } = await persistently(changes, 'ListChanges', { from_cursor: '', limit: 1, registries: [] });
while (consumer.cursor !== head) await sleep(20);
following = false;
stream.cancel();
await followed;

const replay = [];
for (let from = ''; ;) {
  const page = await persistently(changes, 'ListChanges', { from_cursor: from, limit: 1000, registries: [] });
  if (page.changes.length === 0) break;
  replay.push(...page.changes.map((c) => c.cursor));
  from = page.next_cursor;
}
const replayEqual = replay.length === consumer.delivered.length && replay.every((c, i) => c === consumer.delivered[i]);
const disagreements = [];
for (const message of messages) {
  const read = await persistently(persons, 'GetPerson', { record: message.key, reason: 'feed check' });
  if (read.person_id !== consumer.persons.get(keyOf(message.key))) disagreements.push(keyOf(message.key));
}

const kinds = Object.entries(consumer.kinds).map(([k, n]) => `${k.replace('IDENTITY_CHANGE_KIND_', '')}=${n}`).join(' ');
console.log(`registered ${messages.length} records from ${callers} callers in ${((performance.now() - started) / 1000).toFixed(1)} s; `
  + `${resent} calls sent again while the service was away or busy`);
console.log(`steward: merges=${steward.merges} unmerges=${steward.unmerges} links=${steward.links} unlinks=${steward.unlinks}`);
console.log(`consumer: ${consumer.delivered.length} changes (${kinds}), Watch re-opened ${consumer.reconnects} times`);
console.log(`out of order or missed: ${consumer.problems.length}; replay from the start equal: ${replayEqual} `
  + `(${replay.length} changes); records whose person differs from GetPerson: ${disagreements.length} of ${messages.length}`);
for (const problem of consumer.problems.slice(0, 10)) console.log(`  ${problem}`);
for (const key of disagreements.slice(0, 10)) console.log(`  differs: ${key}`);
const ok = consumer.problems.length === 0 && replayEqual && disagreements.length === 0 && consumer.persons.size === messages.length;
console.log(ok ? 'feed followed: every change once, in order, and the same persons as GetPerson' : 'FEED CHECK FAILED');
for (const client of [registration, persons, changes]) client.close();
process.exit(ok ? 0 : 1);
