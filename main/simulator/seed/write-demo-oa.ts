// Writes resources/demo/demo-oa.xlsx, today's OA directory of the simulator's demo enterprise (the baseline the
// demo last synced is built in memory when the demo is created, see demo-service).
// Run: npx tsx main/simulator/seed/write-demo-oa.ts [OUT.xlsx]
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { demoOaDirectory } from './demo-oa';
import { writeOaWorkbook } from './oa-directory';

const out = resolve(process.argv[2] ?? resolve(__dirname, '../../../resources/demo/demo-oa.xlsx'));
mkdirSync(dirname(out), { recursive: true });
const dir = demoOaDirectory();
writeOaWorkbook(dir, out);
const departed = dir.users.filter((u) => u.status === '离职').length;
process.stdout.write(`wrote ${out}: ${dir.departments.length} departments, ${dir.users.length} people (${departed} 离职)\n`);
