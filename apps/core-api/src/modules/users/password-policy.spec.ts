import { passwordPolicyViolation, usernameViolation } from './password-policy';

describe('passwordPolicyViolation', () => {
  it.each([
    ['Passw0rd', null],
    ['aB3aaaaa', null],
    ['Pa55w0rd with spaces', null],
    ['Sh0rt', 'the password must be 8 to 128 characters long'],
    ['A1' + 'a'.repeat(127), 'the password must be 8 to 128 characters long'],
    ['password1', 'the password must contain an upper-case letter, a lower-case letter and a digit'],
    ['PASSWORD1', 'the password must contain an upper-case letter, a lower-case letter and a digit'],
    ['Passwordx', 'the password must contain an upper-case letter, a lower-case letter and a digit'],
  ])('%j → %j', (password, expected) => {
    expect(passwordPolicyViolation(password)).toBe(expected);
  });
});

describe('usernameViolation', () => {
  it.each([
    ['alice', null],
    ['alice.smith@example', null],
    ['', 'the username must be 1 to 255 characters long'],
    ['a'.repeat(256), 'the username must be 1 to 255 characters long'],
    ['al ice', 'the username may not contain white space, control characters or any of , " ~ # $ % :'],
    ['al:ice', 'the username may not contain white space, control characters or any of , " ~ # $ % :'],
    ['al,ice', 'the username may not contain white space, control characters or any of , " ~ # $ % :'],
    ['al\u0000ice', 'the username may not contain white space, control characters or any of , " ~ # $ % :'],
    ['robot$ci', 'usernames starting with robot$ are reserved for robot accounts'],
    ['ROBOT$ci', 'usernames starting with robot$ are reserved for robot accounts'],
  ])('%j → %j', (username, expected) => {
    expect(usernameViolation(username, 'robot$')).toBe(expected);
  });
});
