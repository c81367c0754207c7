export * from './user-group.entity';
export * from './project-member.entity';
export * from './robot.entity';
export * from './personal-access-token.entity';
export * from './project-member.repository';
export * from './robot.repository';
export * from './user-group.repository';
export * from './personal-access-token.repository';
