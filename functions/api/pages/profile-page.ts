/**
 * GET /profile — Văn phòng's agency profile page: the version in force as a form, the preview of
 * the documents' header and closing lines, saving a new effective-dated version, the versions.
 * profile.js calls /api/agency/profile.
 * flow: API Gateway --> profile page handler --> agency profile use case --> profile view
 */
import { container } from '../../adapters/container.ts';
import { agencyTitle } from '../../core/agency.ts';
import { readAgencyProfile } from '../../usecases/agency-profile.ts';
import { ROLES_OF } from '../contract/roles.ts';
import { renderProfilePage } from '../../../templates/web/profile-view.ts';
import { messagePage, signInHelp } from '../../../templates/web/layout.ts';
import { errorPage, pageCsrfToken, pageHandler, pageResponse, pageUser } from './page-handler.ts';

const FOR_WHOM = 'Trang hồ sơ cơ quan dành cho Văn phòng.';

export const handler = pageHandler(async (event) => {
  const p = event.auth;
  if (!p) return pageResponse(200, messagePage({ title: 'Đăng nhập để sửa hồ sơ cơ quan', lead: FOR_WHOM, body: signInHelp() }));
  if (!(ROLES_OF.profilePage as readonly string[]).includes(p.role)) return errorPage(403, FOR_WHOM, pageUser(p));
  const view = await readAgencyProfile(container(), p, new Date());
  return pageResponse(200, renderProfilePage({ ...view, user: pageUser(p), csrfToken: pageCsrfToken(event), agencyName: agencyTitle(view.current) }));
});
