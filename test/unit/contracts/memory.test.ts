// The in-memory twins of the storage ports keep the same contract as the DynamoDB, S3 and SES
// adapters (test/integration/contracts.test.ts runs the same cases against the emulators).
import { MemoryAgencyStore } from '../../../functions/adapters/memory/agency-store.ts';
import { MemoryFileArchive } from '../../../functions/adapters/memory/file-archive.ts';
import { MemoryJobStore } from '../../../functions/adapters/memory/job-store.ts';
import { MemoryMailer } from '../../../functions/adapters/memory/mailer.ts';
import { MemoryPlanStore } from '../../../functions/adapters/memory/plan-store.ts';
import { MemoryReportStore } from '../../../functions/adapters/memory/report-store.ts';
import { MemorySubmissionStore } from '../../../functions/adapters/memory/submission-store.ts';
import {
  agencyStoreContract,
  fileArchiveContract,
  freshAgency,
  jobStoreContract,
  mailerContract,
  planStoreContract,
  reportStoreContract,
  submissionStoreContract,
} from '../../contracts/stores.ts';

const fresh =
  <T>(store: T) =>
  () => ({ store, agencyId: freshAgency() });

agencyStoreContract('memory', () => fresh(new MemoryAgencyStore())());
planStoreContract('memory', () => fresh(new MemoryPlanStore())());
fileArchiveContract('memory', () => fresh(new MemoryFileArchive())());
reportStoreContract('memory', () => fresh(new MemoryReportStore())());
jobStoreContract('memory', () => fresh(new MemoryJobStore())());
mailerContract('memory', () => fresh(new MemoryMailer())());
submissionStoreContract('memory', () => fresh(new MemorySubmissionStore())());
