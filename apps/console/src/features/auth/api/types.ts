/**
 * The answer of `GET /api/v2.0/users/current` (Harbor's `UserResp`).
 * Not in openapi.json yet: typed here until the users endpoints land and the client is regenerated.
 */
export interface CurrentUser {
  user_id: number;
  username: string;
  email: string;
  realname: string;
  comment?: string;
  sysadmin_flag: boolean;
  creation_time?: string;
  update_time?: string;
}

/** What the sign-in form sends to `POST /c/login`. */
export interface Credentials {
  principal: string;
  password: string;
}
