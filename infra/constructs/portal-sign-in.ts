/**
 * How people sign in on AWS: the user pool's hosted sign-in page (password + authenticator code)
 * under a Cognito domain, and the portal's app client, which returns an access token to
 * `<portal>/signin` in the URL fragment — the same hand-over the local `/signin#token=…` link uses.
 * flow: application stack --> portal sign-in --> Cognito user pool (stateful stack)
 */
import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ACCESS_TOKEN_HOURS } from '../../functions/core/auth.ts';

export interface PortalSignInProps {
  userPool: cognito.IUserPool;
  /** `https://…` of the portal (custom domain, or the API's own endpoint). */
  portalUrl: string;
  domainPrefix: string;
}

/**
 * Access tokens last a working day: the session cookie holds one and there is no refresh in the
 * browser. The handlers refuse any token that claims a longer life (functions/core/auth.ts).
 */
export { ACCESS_TOKEN_HOURS };

export class PortalSignIn extends Construct {
  readonly client: cognito.UserPoolClient;
  readonly domain: cognito.UserPoolDomain;
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>`: the `iss` of every token. */
  readonly issuer: string;
  readonly jwksUrl: string;
  readonly signInUrl: string;
  /** Cognito's /logout, back to the sign-in page: ends the hosted page's session cookie. */
  readonly logoutUrl: string;

  constructor(scope: Construct, id: string, props: PortalSignInProps) {
    super(scope, id);
    const callback = `${props.portalUrl}/signin`;
    this.client = new cognito.UserPoolClient(this, 'Client', {
      userPool: props.userPool,
      userPoolClientName: 'baocao-portal',
      // A browser cannot keep a secret.
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        // The token comes back in the fragment (never sent to a server or written to a log) and the
        // sign-in page posts it once to /auth/session, which keeps it in an HttpOnly cookie.
        flows: { implicitCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [callback],
        logoutUrls: [callback],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      accessTokenValidity: Duration.hours(ACCESS_TOKEN_HOURS),
      idTokenValidity: Duration.hours(ACCESS_TOKEN_HOURS),
      refreshTokenValidity: Duration.days(1),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
    });
    this.domain = new cognito.UserPoolDomain(this, 'Domain', {
      userPool: props.userPool,
      cognitoDomain: { domainPrefix: props.domainPrefix },
    });

    const region = Stack.of(this).region;
    this.issuer = `https://cognito-idp.${region}.amazonaws.com/${props.userPool.userPoolId}`;
    this.jwksUrl = `${this.issuer}/.well-known/jwks.json`;
    // response_type=token: the implicit flow the client allows (Cognito's own signInUrl() assumes "code").
    this.signInUrl =
      `${this.domain.baseUrl()}/login?client_id=${this.client.userPoolClientId}` + `&response_type=token&scope=openid+email+profile&redirect_uri=${callback}`;

    this.logoutUrl = `${this.domain.baseUrl()}/logout?client_id=${this.client.userPoolClientId}&logout_uri=${callback}`;

    new CfnOutput(Stack.of(this), 'SignInUrl', {
      value: this.signInUrl,
      description: 'Trang đăng nhập (gửi cho người dùng) / sign-in page to hand to users',
    });
    new CfnOutput(Stack.of(this), 'UserPoolClientId', { value: this.client.userPoolClientId, description: 'Cognito app client' });
  }
}
