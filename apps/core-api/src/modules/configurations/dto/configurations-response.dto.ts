import { ApiProperty } from '@nestjs/swagger';

/** A text setting as Harbor lists it. */
export class StringConfigItemDto {
  @ApiProperty()
  value!: string;

  @ApiProperty({ description: 'Whether the setting can be changed through the API.' })
  editable!: boolean;
}

/** A whole-number setting as Harbor lists it. */
export class IntegerConfigItemDto {
  @ApiProperty({ type: 'integer' })
  value!: number;

  @ApiProperty({ description: 'Whether the setting can be changed through the API.' })
  editable!: boolean;
}

/** A yes/no setting as Harbor lists it. */
export class BoolConfigItemDto {
  @ApiProperty()
  value!: boolean;

  @ApiProperty({ description: 'Whether the setting can be changed through the API.' })
  editable!: boolean;
}

/**
 * Every system setting with its effective value (Harbor's `ConfigurationsResponse`). The LDAP bind password is never
 * returned, as in Harbor; `ldap_search_password_set` tells whether one is stored.
 */
export class ConfigurationsResponseDto {
  @ApiProperty({ type: StringConfigItemDto })
  auth_mode!: StringConfigItemDto;

  @ApiProperty({ type: StringConfigItemDto })
  ldap_url!: StringConfigItemDto;

  @ApiProperty({ type: StringConfigItemDto })
  ldap_search_dn!: StringConfigItemDto;

  @ApiProperty({ type: BoolConfigItemDto, description: 'Whether an LDAP bind password is stored (read-only).' })
  ldap_search_password_set!: BoolConfigItemDto;

  @ApiProperty({ type: StringConfigItemDto })
  ldap_base_dn!: StringConfigItemDto;

  @ApiProperty({ type: StringConfigItemDto })
  ldap_filter!: StringConfigItemDto;

  @ApiProperty({ type: StringConfigItemDto })
  ldap_uid!: StringConfigItemDto;

  @ApiProperty({ type: IntegerConfigItemDto })
  ldap_scope!: IntegerConfigItemDto;

  @ApiProperty({ type: IntegerConfigItemDto })
  ldap_timeout!: IntegerConfigItemDto;

  @ApiProperty({ type: BoolConfigItemDto })
  ldap_verify_cert!: BoolConfigItemDto;

  @ApiProperty({ type: StringConfigItemDto })
  ldap_group_base_dn!: StringConfigItemDto;

  @ApiProperty({ type: StringConfigItemDto })
  ldap_group_search_filter!: StringConfigItemDto;

  @ApiProperty({ type: StringConfigItemDto })
  ldap_group_attribute_name!: StringConfigItemDto;

  @ApiProperty({ type: StringConfigItemDto })
  ldap_group_membership_attribute!: StringConfigItemDto;

  @ApiProperty({ type: StringConfigItemDto })
  ldap_group_admin_dn!: StringConfigItemDto;

  @ApiProperty({ type: IntegerConfigItemDto })
  ldap_group_search_scope!: IntegerConfigItemDto;

  @ApiProperty({ type: IntegerConfigItemDto })
  ldap_nested_groups_depth!: IntegerConfigItemDto;

  @ApiProperty({ type: IntegerConfigItemDto })
  ldap_group_cache_ttl_seconds!: IntegerConfigItemDto;

  @ApiProperty({ type: BoolConfigItemDto })
  self_registration!: BoolConfigItemDto;

  @ApiProperty({ type: IntegerConfigItemDto })
  token_expiration!: IntegerConfigItemDto;

  @ApiProperty({ type: IntegerConfigItemDto })
  robot_token_duration!: IntegerConfigItemDto;

  @ApiProperty({ type: StringConfigItemDto })
  robot_name_prefix!: StringConfigItemDto;

  @ApiProperty({ type: BoolConfigItemDto })
  robot_never_expire_allowed!: BoolConfigItemDto;

  @ApiProperty({ type: IntegerConfigItemDto })
  audit_log_retention_days!: IntegerConfigItemDto;

  @ApiProperty({ type: IntegerConfigItemDto })
  login_lockout_threshold!: IntegerConfigItemDto;

  @ApiProperty({ type: IntegerConfigItemDto })
  login_lockout_minutes!: IntegerConfigItemDto;
}
