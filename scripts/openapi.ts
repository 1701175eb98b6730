/**
 * `npm run openapi`: writes docs/openapi.yaml from the contract in functions/api/contract/ and the
 * zod schemas it names (test/unit/openapi/generated.test.ts fails when the file is stale).
 * flow: npm script --> contract document --> docs/openapi.yaml
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openApiYaml } from '../functions/api/contract/document.ts';

const file = fileURLToPath(new URL('../docs/openapi.yaml', import.meta.url));
writeFileSync(file, openApiYaml());
console.log(`wrote ${file}`);
