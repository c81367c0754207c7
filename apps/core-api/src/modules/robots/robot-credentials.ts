import { type RobotEntity, RobotRepository } from '@berth/db';
import { Injectable, Logger } from '@nestjs/common';
import { recordCredentialUse } from '../../common/auth/credential-use';
import { type RobotPrincipal } from '../../common/auth/principal';
import { ConfigurationsService } from '../configurations/configurations.service';
import { hashRobotSecret, robotSecretMatches } from './robot-secret';

/** A hash no secret matches, compared against when the name is unknown so both paths cost the same. */
const UNMATCHABLE_HASH = hashRobotSecret('');

/** Splits a login name into the stored robot name, or undefined when it does not carry the robot prefix. */
export function storedRobotName(fullName: string, prefix: string): string | undefined {
  if (prefix === '' || !fullName.startsWith(prefix) || fullName.length === prefix.length) return undefined;
  return fullName.slice(prefix.length);
}

/** Builds the principal of a robot as it authenticates, with its full login name. */
export function robotPrincipal(robot: RobotEntity, prefix: string): RobotPrincipal {
  return {
    kind: 'robot',
    id: robot.id,
    name: prefix + robot.name,
    level: robot.level,
    projectId: robot.projectId,
    permissions: robot.permissions,
  };
}

/**
 * Checks a robot's login name and secret: the name must carry the configured prefix, the robot must be enabled and
 * unexpired, and the secret must be the current one or, within its grace period, the one before the last rotation.
 * Used by the credentials verifier behind Basic authentication and the docker token service.
 */
@Injectable()
export class RobotCredentials {
  private readonly logger = new Logger(RobotCredentials.name);

  constructor(
    private readonly robots: RobotRepository,
    private readonly configurations: ConfigurationsService,
  ) {}

  /** Tells whether a login name is a robot's, by the configured prefix. */
  async isRobotName(fullName: string): Promise<boolean> {
    const { robotNamePrefix } = await this.configurations.getSecurityPolicy();
    return storedRobotName(fullName, robotNamePrefix) !== undefined;
  }

  /** Resolves the robot the credentials belong to, or null when they do not authenticate one. */
  async verify(fullName: string, secret: string): Promise<RobotPrincipal | null> {
    const { robotNamePrefix } = await this.configurations.getSecurityPolicy();
    const name = storedRobotName(fullName, robotNamePrefix);
    if (name === undefined) return null;
    const robot = await this.robots.findByName(name);
    if (!robot) {
      robotSecretMatches(secret, UNMATCHABLE_HASH);
      return null;
    }
    const now = new Date();
    const current = robotSecretMatches(secret, robot.secretHash);
    const previous =
      !current &&
      robot.previousSecretExpiresAt !== null &&
      robot.previousSecretExpiresAt > now &&
      robotSecretMatches(secret, robot.previousSecretHash);
    if (!current && !previous) return null;
    if (robot.disabled) return null;
    if (robot.expiresAt !== null && robot.expiresAt <= now) return null;
    await recordCredentialUse(
      robot.lastUsedAt,
      now,
      (at, minIntervalMs) => this.robots.touchLastUsed(robot.id, at, minIntervalMs),
      this.logger,
      `the use of robot ${robot.id}`,
    );
    return robotPrincipal(robot, robotNamePrefix);
  }
}
