// A session against the MPI gRPC service from Node.js with nothing but the stock @grpc packages and the .proto files.
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import { fileURLToPath } from 'node:url';

const address = process.env.MPI_ADDRESS ?? '127.0.0.1:5080';
const protos = fileURLToPath(new URL('../../protos', import.meta.url));
const options = { keepCase: true, enums: String, longs: String, defaults: true, oneofs: true, includeDirs: [protos] };
const load = (file) => grpc.loadPackageDefinition(protoLoader.loadSync(file, options));

const { mpi } = load('mpi/v1/registration.proto');
const { grpc: { health } } = load(fileURLToPath(new URL('health.proto', import.meta.url)));

const creds = grpc.credentials.createInsecure(); // cleartext HTTP/2
const auth = new grpc.Metadata();
auth.add('authorization', `Bearer ${process.env.MPI_API_KEY}`); // the key the service printed on first start
const registration = new mpi.v1.RegistrationService(address, creds);
const healthClient = new health.v1.Health(address, creds);

// Unary call as a promise, with a deadline.
const call = (client, method, request) => new Promise((resolve, reject) =>
  client[method](request, auth, { deadline: Date.now() + 10_000 }, (err, res) => (err ? reject(err) : resolve(res))));

function printRegistration(title, r) {
  console.log(`\n${title}: ${r.decision} person_id=${r.person_id} probability=${r.probability.toFixed(6)}${r.rule ? ` rule=${r.rule}` : ''}`);
  for (const f of r.receipts.filter((f) => f.outcome !== 'FIELD_OUTCOME_MISSING')) {
    const outcome = f.outcome.replace('FIELD_OUTCOME_', '') + (f.reason ? ` (${f.reason})` : '');
    console.log(`  ${f.field.padEnd(12)} ${JSON.stringify(f.received)} → ${JSON.stringify(f.stored)}  ${outcome}`);
  }
}

// 1. Health of the whole server ("")
const { status } = await call(healthClient, 'Check', { service: '' });
console.log(`health: ${status}`);

// 2. The same patient from two registries
const north = await call(registration, 'Register', {
  key: { registry: 'NORTH_HOSP', local_id: 'N-000417' },
  demographics: {
    given_name: 'José', family_name: 'García', birth_date: '03/04/1985', sex: 'M',
    address_line: '12 Harbour Street', city: 'Springfield', postal_code: '2000',
    phone: '(02) 9555-0142', national_id: '472-19-8830',
  },
});
printRegistration('NORTH_HOSP N-000417', north);

const south = await call(registration, 'Register', {
  key: { registry: 'SOUTH_LAB', local_id: 'L88213' },
  demographics: { // nickname, a typo in the family name, no national id
    given_name: 'Pepe', family_name: 'Garica', birth_date: '1985-03-04', sex: 'male',
    address_line: '12 Harbour St', city: 'SPRINGFIELD', postal_code: '2000', phone: '02 9555 0142',
  },
});
printRegistration('SOUTH_LAB L88213', south);

// 3. Match a third variant (nothing is stored)
const match = await call(registration, 'Match', {
  demographics: { given_name: 'Jose', family_name: 'Garcia', birth_date: '1985-03-04', postal_code: '2000' },
  top_k: 3,
  reason: 'node client demo',
});
const [top] = match.candidates;
console.log(`\nMatch: would be ${match.decision}; ${match.candidates.length} candidate(s)`);
if (top) {
  const e = top.explanation;
  const row = (name, label, bits) => console.log(`  ${name.padEnd(13)} ${label.padEnd(25)} ${bits.toFixed(2).padStart(7)}`);
  console.log(`  top ${top.person_id} probability=${top.probability.toFixed(6)} band=${top.band} guard=${e.guard}`);
  console.log(`  best-scoring record: ${top.matched_record.registry}/${top.matched_record.local_id}`);
  row('prior', '', e.prior_weight);
  for (const c of e.comparisons) row(c.comparison, c.label + (c.term_frequency_adjusted ? ' (tf)' : ''), c.weight);
  row('match_weight', '', e.match_weight);
}

// 4. An invalid request: the status code and its message
try {
  await call(registration, 'Register', {
    key: { registry: 'NORTH_HOSP', local_id: 'N-000418' },
    demographics: { given_name: 'Ana', family_name: 'Ruiz', birth_date: '1985-02-30' },
  });
} catch (err) {
  console.log(`\ninvalid birth_date: ${grpc.status[err.code]} (${err.code}): ${err.details}`);
  const [details] = err.metadata.get('grpc-status-details-bin'); // a google.rpc.Status; decoding needs google/rpc protos
  console.log(`  trailer grpc-status-details-bin: ${details?.length ?? 0} bytes`);
}

registration.close();
healthClient.close();
