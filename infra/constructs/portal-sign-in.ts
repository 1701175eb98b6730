/**
 * How people sign in on AWS: the portal's own sign-in page (`<portal>/signin`) takes an address and
 * a one-time code that Cognito emails (choice-based USER_AUTH flow, first factor EMAIL_OTP); the
 * route handlers talk to Cognito (functions/adapters/auth/cognito-code-channel.ts) and keep the
 * access token in an HttpOnly session cookie. The app client allows USER_AUTH (and refresh) only: no
 * hosted sign-in page, no OAuth flows, so no implicit grant (docs/decisions.md, "Sign-in by email code").
 * flow: application stack --> portal sign-in --> Cognito user pool (stateful stack)
 */
import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ACCESS_TOKEN_HOURS, COGNITO_CODE_MINUTES } from '../../functions/core/auth.ts';

export interface PortalSignInProps {
  userPool: cognito.IUserPool;
  /** `https://…` of the portal (custom domain, or the API's own endpoint). */
  portalUrl: string;
}

/**
 * Access tokens last a working day: the session cookie holds one and there is no refresh in the
 * browser. The handlers refuse any token that claims a longer life (functions/core/auth.ts).
 */
export { ACCESS_TOKEN_HOURS };

export class PortalSignIn extends Construct {
  readonly client: cognito.UserPoolClient;
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>`: the `iss` of every token. */
  readonly issuer: string;
  readonly jwksUrl: string;
  /** The portal's sign-in page: what to send to people. */
  readonly signInUrl: string;

  constructor(scope: Construct, id: string, props: PortalSignInProps) {
    super(scope, id);
    this.client = new cognito.UserPoolClient(this, 'Client', {
      userPool: props.userPool,
      userPoolClientName: 'baocao-portal',
      // The route handlers call Cognito for the browser; the client is public all the same (no secret to keep).
      generateSecret: false,
      // ALLOW_USER_AUTH: choice-based sign-in (EMAIL_OTP); CDK adds ALLOW_REFRESH_TOKEN_AUTH.
      authFlows: { user: true },
      // No hosted page: no OAuth flow at all (CDK would otherwise allow the code and implicit grants).
      disableOAuth: true,
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      // The Session of InitiateAuth must be answered within the minutes the person is told a code lasts.
      authSessionValidity: Duration.minutes(COGNITO_CODE_MINUTES),
      accessTokenValidity: Duration.hours(ACCESS_TOKEN_HOURS),
      idTokenValidity: Duration.hours(ACCESS_TOKEN_HOURS),
      refreshTokenValidity: Duration.days(1),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
    });

    const region = Stack.of(this).region;
    this.issuer = `https://cognito-idp.${region}.amazonaws.com/${props.userPool.userPoolId}`;
    this.jwksUrl = `${this.issuer}/.well-known/jwks.json`;
    this.signInUrl = `${props.portalUrl}/signin`;

    new CfnOutput(Stack.of(this), 'SignInUrl', {
      value: this.signInUrl,
      description: 'Trang đăng nhập (gửi cho người dùng) / sign-in page to hand to users',
    });
    new CfnOutput(Stack.of(this), 'UserPoolClientId', { value: this.client.userPoolClientId, description: 'Cognito app client' });
  }
}
