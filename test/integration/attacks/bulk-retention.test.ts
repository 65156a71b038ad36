// An attack on what a finished bulk job leaves in the data folder: whoever reads the folder (a backup, a stolen
// laptop, a support bundle) a month later finds the clients' names, phones and national ids of every file ever
// issued. Past the policy's retention (30 days by default) the input rows must be gone, while the job's counts
// and the result file's non-personal columns stay (main/core/bulk/retention.ts).
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { JobStore, type JobMeta } from '../../../main/core/bulk/job-store.ts';
import { DAY_MS } from '../../../main/core/bulk/retention.ts';
import { validateBulkFile } from '../../../main/core/bulk/validate.ts';
import { createServices, type Services } from '../../../main/core/services/index.ts';
import { attack } from '../../support/attack.ts';
import { filesUnder } from '../../support/files-under.ts';
import { openTestDesk, TEST_APP_INFO } from '../../support/test-desk.ts';

const PERSONAL = ['Zhanarbek', 'Tokhtarova', '77011234567', '900101300123', 'ZHANARBEK TOKHTAROVA'];
const CSV = [
  'product_id;phone;type;resident;first_name;last_name;person_id;card_kind;embossed_name',
  `2000;+7 701 123-45-67;1;1;Zhanarbek;Tokhtarova;900101300123;plastic;ZHANARBEK TOKHTAROVA`,
  '',
].join('\r\n');

const opened: Services[] = [];
afterAll(async () => {
  for (const services of opened) await services.close();
});

/** A desk whose data folder holds one clients job of one row, done, that ended `daysAgo` days ago. */
function finishedJob(daysAgo: number) {
  const desk = openTestDesk();
  const validation = validateBulkFile(new TextEncoder().encode(CSV));
  expect(validation.problems).toEqual([]);
  const store = new JobStore(desk.dataDir);
  const ended = Date.now() - daysAgo * DAY_MS;
  const created = store.create(
    {
      profileId: 'sandbox',
      format: 'clients',
      fileName: 'branch.csv',
      header: validation.header,
      total: 1,
      concurrency: 1,
    },
    validation.rows,
    ended - 60_000,
  );
  store.appendResult(created.id, {
    row: 2,
    status: 'done',
    clientId: '5001',
    cards: [{ cardId: '7001', cardMask: '440043******1234' }],
  });
  const meta: JobMeta = { ...created, state: 'completed', updatedAt: ended };
  store.save(meta);
  return { desk, jobId: meta.id };
}

function start(desk: ReturnType<typeof openTestDesk>): Services {
  const services = createServices({
    desk,
    appInfo: TEST_APP_INFO,
    report: (error) => {
      throw error;
    },
  });
  opened.push(services);
  return services;
}

const leaks = (dataDir: string) =>
  filesUnder(dataDir).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return PERSONAL.filter((value) => text.includes(value)).map((value) => `${file}: ${value}`);
  });

describe('bulk input rows past their retention', () => {
  it('a job finished 31 days ago leaves no name, phone or national id of its input in the data folder', async () => {
    const { desk, jobId } = finishedJob(31);
    expect(leaks(desk.dataDir)).not.toEqual([]); // the rows are there before the app starts
    await attack('bulk input rows kept past their retention', () => {
      const services = start(desk);
      expect(leaks(desk.dataDir)).toEqual([]);
      // What remains: the job, its counts, and a result file without the personal columns.
      expect(services.bulk.get(jobId)).toMatchObject({ state: 'completed', total: 1, done: 1, failed: 0 });
      const result = services.bulk.resultFile(jobId).content;
      expect(result).toContain('product_id;type;resident;card_kind;result_status;client_id;card_id;card_mask');
      expect(result).toContain('2000;1;1;plastic;done;5001;7001;440043******1234');
    });
  });

  it('a job finished 29 days ago keeps its rows, and its result file every column', () => {
    const { desk, jobId } = finishedJob(29);
    const services = start(desk);
    expect(leaks(desk.dataDir)).not.toEqual([]);
    expect(services.bulk.resultFile(jobId).content).toContain('Tokhtarova');
  });

  it('a policy may shorten the retention: 7 days purges a job finished 8 days ago', () => {
    const { desk, jobId } = finishedJob(8);
    desk.applyProvisioning({ version: 1, profiles: [], policy: { locked: [], bulkRetentionDays: 7 } });
    const services = start(desk);
    expect(leaks(desk.dataDir)).toEqual([]);
    expect(services.bulk.get(jobId)).toMatchObject({ state: 'completed', done: 1 });
  });
});
