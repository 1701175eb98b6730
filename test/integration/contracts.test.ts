// The DynamoDB, S3 and SES adapters against the emulators keep the storage ports' contract — the
// same cases the in-memory twins pass in the unit project (test/unit/contracts/memory.test.ts).
import {
  agencyStoreContract,
  fileArchiveContract,
  jobStoreContract,
  mailerContract,
  planStoreContract,
  reportStoreContract,
  submissionStoreContract,
} from '../contracts/stores.ts';
import { testContainer } from '../support/local.ts';

const real =
  <K extends 'agencies' | 'plans' | 'archive' | 'reports' | 'jobs' | 'mailer' | 'submissions'>(k: K) =>
  () => {
    const c = testContainer();
    return { store: c[k], agencyId: c.config.agencyId };
  };

agencyStoreContract('DynamoDB', real('agencies'));
planStoreContract('DynamoDB', real('plans'));
fileArchiveContract('S3', real('archive'));
reportStoreContract('DynamoDB', real('reports'));
jobStoreContract('DynamoDB', real('jobs'));
mailerContract('SES', real('mailer'));
submissionStoreContract('DynamoDB', real('submissions'));
