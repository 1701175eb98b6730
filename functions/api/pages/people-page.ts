/**
 * GET /people — Văn phòng's page of its agency's people: who can sign in, as what, active or
 * disabled; the form to invite someone; the recent changes (audit log). people.js calls the JSON API.
 * flow: API Gateway --> people page handler --> people use case --> people view
 */
import { container } from '../../adapters/container.ts';
import { agencyTitle } from '../../core/agency.ts';
import { localDate } from '../../core/clock.ts';
import { canManagePeople } from '../../core/users.ts';
import { profileOn } from '../../usecases/agency-service.ts';
import { listPeople } from '../../usecases/people.ts';
import { renderPeoplePage } from '../../../templates/web/people-view.ts';
import { messagePage, signInHelp } from '../../../templates/web/layout.ts';
import { errorPage, pageCsrfToken, pageHandler, pageResponse, pageUser } from './page-handler.ts';

const FOR_WHOM = 'Trang quản lý người dùng dành cho Văn phòng.';

export const handler = pageHandler(async (event) => {
  const p = event.auth;
  if (!p) return pageResponse(200, messagePage({ title: 'Đăng nhập để quản lý người dùng', lead: FOR_WHOM, body: signInHelp() }));
  const c = container();
  const profile = await profileOn(c.agencies, p.agencyId, localDate(new Date(), 'Asia/Ho_Chi_Minh'));
  if (!canManagePeople(p)) return errorPage(403, FOR_WHOM, pageUser(p, profile.units.find((u) => u.code === p.unit)?.name));
  const { users, audit } = await listPeople(c, p);
  return pageResponse(
    200,
    renderPeoplePage({ users, audit, profile, user: pageUser(p), csrfToken: pageCsrfToken(event), agencyName: agencyTitle(profile), self: p.sub }),
  );
});
