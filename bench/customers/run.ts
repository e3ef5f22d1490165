import { parseArgs } from 'node:util';
import { openDatabase } from '../../server/src/db/database.ts';
import { migrateToLatest } from '../../server/src/db/migrate.ts';
import type { Actor } from '../../server/src/http/access.ts';
import { loadSyntheticCustomers } from '../../server/src/modules/customers/customer.bulk-load.ts';
import { customerRepository } from '../../server/src/modules/customers/customer.repository.ts';
import { comprehensiveSearch } from '../../server/src/modules/search/search.repository.ts';
import { formatTable, ms, percentile } from '../lib/stats.ts';

// `npm run bench:customers` — QRY-1 / CRM: lookups on a large customer table in embedded PGlite
// (the default deployment), through the same repository code the routes call. Loads N customers
// (default 1,000,000) with one INSERT … SELECT generate_series, two phones each, then measures
// p50/p95 of: exact phone lookup, card lookup, fuzzy (substring) name search, and the combined
// comprehensive query (customers + phone book + calls). Prints the figures; exits 0.

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '50' } },
});
const ROWS = Number(values.rows);
const RUNS = Number(values.runs);

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '伟芳娜英敏静丽强磊军洋勇艳杰娟涛明超兰霞';

async function measure(label: string, run: (i: number) => Promise<number>): Promise<string[]> {
  await run(0); // warm-up
  const times: number[] = [];
  let found = 0;
  for (let i = 1; i <= RUNS; i++) {
    const t = performance.now();
    found += await run(i);
    times.push(performance.now() - t);
  }
  const sorted = Float64Array.from(times).sort();
  return [label, ms(percentile(sorted, 50)), ms(percentile(sorted, 95)), String(Math.round(found / RUNS))];
}

const handle = await openDatabase({});
const db = handle.db;
await migrateToLatest(db);
console.log(await loadSyntheticCustomers(db, ROWS, SURNAMES, GIVEN));
const id = (i: number) => 1 + ((i * 7_919_993) % ROWS);
const page = { page: 1, pageSize: 20 };
const actor: Actor = {
  id: 0,
  employeeNo: 'bench',
  name: 'bench',
  roles: ['agent'],
  departmentId: null,
  sessionHash: '',
};
const rows = [
  await measure('exact phone (客户电话)', async (i) => {
    const r = await customerRepository.list(db, { ...page, q: `139${String(id(i)).padStart(8, '0')}` });
    return r.items.length;
  }),
  await measure('card number (卡号)', async (i) => {
    const r = await customerRepository.list(db, { ...page, q: `C${String(id(i)).padStart(9, '0')}` });
    return r.items.length;
  }),
  await measure('fuzzy name (姓名模糊)', async (i) => {
    const name = `${SURNAMES[i % 20]}${GIVEN[(i * 3) % 20]}${GIVEN[(i * 7) % 20]}`;
    const r = await customerRepository.list(db, { ...page, q: name });
    return r.items.length;
  }),
  await measure('combined query (综合查询)', async (i) => {
    const name = `${GIVEN[(i * 3) % 20]}${GIVEN[(i * 7) % 20]}`;
    const r = await comprehensiveSearch(
      db,
      actor,
      { q: name, groups: ['customers', 'staff', 'calls', 'tickets'] },
      true,
    );
    return r.groups.reduce((n, g) => n + g.items.length, 0);
  }),
];
console.log(
  `\n${ROWS.toLocaleString()} customers, ${RUNS} runs each (PGlite, ${process.platform}, Node ${process.version})\n`,
);
console.log(formatTable(['query', 'p50 ms', 'p95 ms', 'hits/run'], rows));
await handle.close();
