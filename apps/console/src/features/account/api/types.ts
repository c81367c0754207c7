import type { components } from '@berth/api-client';

/** The signed-in user's account as `GET /users/current` answers it. */
export type Profile = components['schemas']['UserResponseDto'];

/** A personal access token, never with its secret (`GET /users/current/tokens`). */
export type PersonalAccessToken = components['schemas']['PersonalAccessTokenResponseDto'];

/** The body of `POST /users/current/tokens`. */
export type CreateTokenRequest = components['schemas']['CreatePersonalAccessTokenDto'];

/** The answer of `POST /users/current/tokens`: the only time the whole token is shown. */
export type CreatedToken = components['schemas']['PersonalAccessTokenCreatedDto'];
