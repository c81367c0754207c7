export * from './user-group.entity';
export * from './project-member.entity';
export * from './robot.entity';
export * from './personal-access-token.entity';
export * from './project-member.repository';
