/**
 * GET /signin — the page a sign-in link (/signin#token=…) opens; signin.js does the exchange.
 * flow: API Gateway --> sign-in page handler --> sign-in view
 */
import { renderSigninPage } from '../../../templates/web/signin-view.ts';
import { pageHandler, pageResponse, pageUser } from './page-handler.ts';

export const handler = pageHandler(
  async (event) => {
    // An already signed-in visitor is told so (and can go on); a new link still replaces the session.
    return pageResponse(200, renderSigninPage(event.auth ? { user: pageUser(event.auth) } : {}));
    // An expired, revoked or forged session is what a new sign-in replaces: show the page, not a 401.
  },
  { invalidIsAnonymous: true },
);
