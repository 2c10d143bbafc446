// Person reads from Node.js, next to the empty RPC from the same callers: CALLERS concurrent callers (default 8) make
// CALLS health checks, then CALLS GetPerson calls by the record keys of a CSV file (registry,local_id first), each
// read audited by the service. Prints calls per second and latency percentiles of each.
// Usage: MPI_API_KEY=… node person-reads.mjs records.csv
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const address = process.env.MPI_ADDRESS ?? '127.0.0.1:5080';
const callers = Number(process.env.CALLERS ?? 8);
const calls = Number(process.env.CALLS ?? 20000);
const protos = fileURLToPath(new URL('../../protos', import.meta.url));
const options = { keepCase: true, enums: String, longs: String, defaults: true, oneofs: true, includeDirs: [protos] };
const load = (file) => grpc.loadPackageDefinition(protoLoader.loadSync(file, options));
const { mpi } = load('mpi/v1/persons.proto');
const { grpc: { health } } = load(fileURLToPath(new URL('health.proto', import.meta.url)));

const creds = grpc.credentials.createInsecure();
const auth = new grpc.Metadata();
auth.add('authorization', `Bearer ${process.env.MPI_API_KEY}`);
const persons = new mpi.v1.PersonService(address, creds);
const healthClient = new health.v1.Health(address, creds);
const call = (client, method, request, metadata) => new Promise((resolve, reject) =>
  client[method](request, metadata, { deadline: Date.now() + 10_000 }, (err, res) => (err ? reject(err) : resolve(res))));

// Record keys only: the first two columns of every row after the header (generated files quote nothing there).
const keys = readFileSync(process.argv[2], 'utf8').split('\n').slice(1).filter((l) => l.length > 0)
  .map((l) => { const [registry, local_id] = l.split(','); return { registry, local_id }; });

async function run(name, once) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: callers }, async () => {
    for (let i = next++; i < calls; i = next++) {
      const t = performance.now();
      await once(i);
      latencies.push(performance.now() - t);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(2);
  console.log(`${name} callers=${callers} calls=${calls} per_second=${Math.round(calls / seconds)} p50_ms=${at(0.5)} p99_ms=${at(0.99)}`);
}

const empty = () => call(healthClient, 'Check', { service: '' }, new grpc.Metadata());
const read = (i) => call(persons, 'GetPerson', { record: keys[i % keys.length], reason: 'load test' }, auth);
// Warm both paths up (connections, the service's and this process's compilers), unreported.
await Promise.all(Array.from({ length: 2000 }, (_, i) => (i % 2 ? empty() : read(i))));
await run('empty_rpc', empty);
await run('read_persons', read);
persons.close();
healthClient.close();
