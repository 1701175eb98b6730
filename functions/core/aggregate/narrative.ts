/**
 * The body text of a report for its audience: internal and detailed for the Director, formal for
 * UBND tỉnh. flow: build-report-model --> narrative --> narrative-director | narrative-ubnd (pure)
 */
import type { Audience } from '../agency.ts';
import type { Block } from '../report-model.ts';
import { directorBody } from './narrative-director.ts';
import type { NarrativeContext } from './narrative-parts.ts';
import { ubndBody } from './narrative-ubnd.ts';

export type { NarrativeContext } from './narrative-parts.ts';

export function buildBody(audience: Audience, ctx: NarrativeContext): Block[] {
  return audience === 'ubnd' ? ubndBody(ctx) : directorBody(ctx);
}
