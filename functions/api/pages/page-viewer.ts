/**
 * The start every signed-in page shares: who is looking, the agency's profile in force today, the
 * user for the header, and the role check of the page's operation — or the page to show instead.
 * Apart from page-handler.ts so that pages without sign-in (static files, /signin) do not bundle
 * the container.
 * flow: page handlers --> page viewer --> container, agency service, page handler
 */
import { container, type Container } from '../../adapters/container.ts';
import type { AgencyProfile } from '../../core/agency.ts';
import type { Principal } from '../../core/auth.ts';
import { localDate } from '../../core/clock.ts';
import { profileOn } from '../../usecases/agency-service.ts';
import { ROLES_OF } from '../contract/roles.ts';
import type { HttpEvent, HttpResult } from '../http.ts';
import { messagePage, signInHelp, type PageUser } from '../../../templates/web/layout.ts';
import { errorPage, pageResponse, pageUser } from './page-handler.ts';

/** Who is looking at a page, with what every signed-in page reads first. */
export interface PageViewer {
  p: Principal;
  c: Container;
  now: Date;
  /** The agency's profile in force today (Asia/Ho_Chi_Minh). */
  profile: AgencyProfile;
  user: PageUser;
}

/**
 * Signed in with one of the page's roles (ROLES_OF[operation]), or the page to show instead: how
 * to sign in (200, titled `signInTitle`), or whose page it is (403, `forWhom`).
 */
export async function pageViewer(
  event: HttpEvent,
  operation: keyof typeof ROLES_OF,
  text: { signInTitle: string; forWhom: string },
): Promise<{ page: HttpResult } | PageViewer> {
  const p = event.auth;
  if (!p) return { page: pageResponse(200, messagePage({ title: text.signInTitle, lead: text.forWhom, body: signInHelp() })) };
  const c = container();
  const now = new Date();
  const profile = await profileOn(c.agencies, p.agencyId, localDate(now, 'Asia/Ho_Chi_Minh'));
  const user = pageUser(p, profile.units.find((u) => u.code === p.unit)?.name);
  if (!(ROLES_OF[operation] as readonly string[]).includes(p.role)) return { page: errorPage(403, text.forWhom, user) };
  return { p, c, now, profile, user };
}
