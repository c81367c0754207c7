// Generated from openapi.json by apps/core-api/src/openapi/generate.ts (`npm run openapi`). Do not edit.

export interface paths {
  '/audit-logs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lists the audit log of the whole system, newest first unless sorted otherwise. */
    get: operations['AuditController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/c/log_out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Signs out of the console: ends the session and clears its cookies. */
    get: operations['SessionController_logout'];
    put?: never;
    /** Signs out of the console, as GET; with a session it needs the CSRF header. */
    post: operations['SessionController_logoutByPost'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/c/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Signs in to the console: sets the httpOnly `sid` session cookie and the readable `berth-csrf` cookie, and answers the CSRF token unsafe requests of the session must send as X-Berth-CSRF-Token. */
    post: operations['SessionController_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/configurations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lists every system setting as { value, editable }; the LDAP bind password never. */
    get: operations['ConfigurationsController_get'];
    /** Changes the settings sent; unknown keys and invalid values are refused with 400. */
    put: operations['ConfigurationsController_update'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Reports the state of every component; 503 when any is unhealthy. */
    get: operations['SystemController_getHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ldap/groups/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Finds LDAP groups by DN, or by part of their name. */
    get: operations['LdapController_searchGroups'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ldap/ping': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Connects and binds with the stored settings, or with those in the body, within ldap_timeout. */
    post: operations['LdapController_ping'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ldap/users/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Creates accounts for LDAP users before their first sign-in. */
    post: operations['LdapController_importUsers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ldap/users/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lists LDAP users whose login name contains `username`. */
    get: operations['LdapController_searchUsers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ping': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Answers "Pong" while the API process is up. */
    get: operations['SystemController_ping'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lists the projects the caller can see: public ones, their own, all for administrators. */
    get: operations['ProjectsController_list'];
    put?: never;
    /** Creates a project; a user creating it becomes its projectAdmin. */
    post: operations['ProjectsController_create'];
    delete?: never;
    options?: never;
    /** Tells whether a project name exists: 200 or 404. Callers who cannot create projects learn it only for projects they can see. */
    head: operations['ProjectsController_exists'];
    patch?: never;
    trace?: never;
  };
  '/projects/{project_name_or_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Shows a project. */
    get: operations['ProjectsController_get'];
    /** Changes a project’s publicity, metadata or quota; its name cannot change. */
    put: operations['ProjectsController_update'];
    post?: never;
    /** Deletes a project; refused with 412 while it holds repositories. */
    delete: operations['ProjectsController_delete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project_name_or_id}/logs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lists the audit log of one project, newest first unless sorted otherwise. */
    get: operations['AuditController_listForProject'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project_name_or_id}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lists the project’s members. */
    get: operations['MembersController_list'];
    put?: never;
    /** Adds a user (by user_id or username) or a group (by id, group_name or ldap_group_dn) with a role. */
    post: operations['MembersController_add'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project_name_or_id}/members/{mid}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Shows one membership. */
    get: operations['MembersController_get'];
    /** Changes a member’s role; demoting the last projectAdmin is refused with 409. */
    put: operations['MembersController_update'];
    post?: never;
    /** Removes a member; removing the last projectAdmin is refused with 409. */
    delete: operations['MembersController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project_name_or_id}/metadatas': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lists the project’s metadata, `public` included; every value is a string. */
    get: operations['ProjectMetadataController_list'];
    put?: never;
    /** Sets several metadata entries at once. */
    post: operations['ProjectMetadataController_add'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project_name_or_id}/metadatas/{meta_name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Shows one metadata entry as `{ name: value }`. */
    get: operations['ProjectMetadataController_get'];
    /** Changes one metadata entry; the body is `{ name: value }`. */
    put: operations['ProjectMetadataController_update'];
    post?: never;
    /** Removes one metadata entry (`public` cannot be removed). */
    delete: operations['ProjectMetadataController_delete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project_name_or_id}/repositories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lists the project’s repositories that hold artifacts. */
    get: operations['RepositoriesController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project_name_or_id}/repositories/{repository_name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Shows one repository. */
    get: operations['RepositoriesController_get'];
    /** Changes the repository’s description. */
    put: operations['RepositoriesController_update'];
    post?: never;
    /** Deletes the repository: all its artifacts and tags, through the registry. */
    delete: operations['RepositoriesController_delete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project_name_or_id}/repositories/{repository_name}/artifacts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lists the repository’s artifacts with their tags; an index lists its manifests. */
    get: operations['ArtifactsController_list'];
    put?: never;
    /** Copies an artifact (with its tags) from another repository the caller can pull from. */
    post: operations['ArtifactsController_copy'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project_name_or_id}/repositories/{repository_name}/artifacts/{reference}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Shows one artifact by digest or tag. */
    get: operations['ArtifactsController_get'];
    put?: never;
    post?: never;
    /** Deletes an artifact with its tags (an index with the manifests only it lists). */
    delete: operations['ArtifactsController_delete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project_name_or_id}/repositories/{repository_name}/artifacts/{reference}/additions/build_history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lists the image’s build steps from its config’s history, as Harbor’s build_history. */
    get: operations['ArtifactsController_buildHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project_name_or_id}/repositories/{repository_name}/artifacts/{reference}/config': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Shows the image’s config blob as JSON (at most 4 MiB), read through the registry. */
    get: operations['ArtifactsController_config'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project_name_or_id}/repositories/{repository_name}/artifacts/{reference}/manifest': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Shows the artifact’s manifest (or index) as pushed, as JSON. */
    get: operations['ArtifactsController_manifest'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project_name_or_id}/repositories/{repository_name}/artifacts/{reference}/referrers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lists the artifacts whose subject is this one (signatures, SBOMs, attestations), by artifact type. */
    get: operations['ArtifactsController_referrers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project_name_or_id}/repositories/{repository_name}/artifacts/{reference}/tags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Adds a tag to an artifact. */
    post: operations['ArtifactsController_addTag'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project_name_or_id}/repositories/{repository_name}/artifacts/{reference}/tags/{tag_name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Removes a tag from an artifact; the artifact stays. */
    delete: operations['ArtifactsController_deleteTag'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project_name_or_id}/robots': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lists the robots of a project. */
    get: operations['RobotsController_listForProject'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project_name_or_id}/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Summarises a project: repositories, members per role, quota. */
    get: operations['ProjectsController_summary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/robots': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lists robots: one project’s with q=Level=project,ProjectID=<id> (robot:list there), else all (system robot:list). */
    get: operations['RobotsController_list'];
    put?: never;
    /** Creates a robot; the secret is in this response only. System robots: administrators; project robots: robot:create. */
    post: operations['RobotsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/robots/{robot_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Reads a robot (never its secret). */
    get: operations['RobotsController_get'];
    /** Changes a robot’s description, duration, disable flag or permissions. */
    put: operations['RobotsController_update'];
    post?: never;
    /** Deletes a robot. */
    delete: operations['RobotsController_delete'];
    options?: never;
    head?: never;
    /** Refreshes a robot’s secret (chosen or generated); the previous secret stays valid for 24 hours. */
    patch: operations['RobotsController_refreshSecret'];
    trace?: never;
  };
  '/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Finds projects and repositories by part of their name, among those the caller can see. */
    get: operations['SearchController_find'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/service/token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a registry token
     * @description Docker token spec: Basic credentials of a user, robot or access token, or none; each `scope` is granted the actions the caller holds.
     */
    get: operations['TokenController_get'];
    put?: never;
    /**
     * Get a registry token (OAuth2)
     * @description The OAuth2 form containerd and newer docker clients use: grant_type password or refresh_token.
     */
    post: operations['TokenController_post'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/systeminfo': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Returns the version, storage backend, auth mode and registry address. */
    get: operations['SystemController_systemInfo'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/usergroups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lists user groups, optionally by ldap_group_dn or part of group_name. */
    get: operations['UserGroupsController_list'];
    put?: never;
    /** Registers an LDAP group by DN; in ldap_auth mode the DN must exist in LDAP. */
    post: operations['UserGroupsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/usergroups/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Finds user groups whose name contains `groupname` (for adding project members). */
    get: operations['UserGroupsController_search'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/usergroups/{group_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Reads a user group. */
    get: operations['UserGroupsController_get'];
    /** Renames a user group (its DN never changes). */
    put: operations['UserGroupsController_update'];
    post?: never;
    /** Deletes a user group and its project memberships. */
    delete: operations['UserGroupsController_delete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lists accounts (system administrators). */
    get: operations['UsersController_list'];
    put?: never;
    /** Creates a local account: system administrators, or anyone signed out while self_registration is on (db_auth). */
    post: operations['UsersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/current': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Reads the signed-in user. */
    get: operations['UsersController_current'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/current/permissions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lists the caller's permissions in a scope: `/system` or `/project/{project_id}`. */
    get: operations['UsersController_permissions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/current/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lists your personal access tokens (never their secrets). */
    get: operations['TokensController_listOwn'];
    put?: never;
    /** Creates a personal access token; its secret is in this response only. */
    post: operations['TokensController_createOwn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/current/tokens/{token_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revokes one of your personal access tokens at once. */
    delete: operations['TokensController_revokeOwn'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Finds accounts whose username contains `username` (for adding project members). */
    get: operations['UsersController_search'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/{user_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Reads an account: your own, or any as a system administrator. */
    get: operations['UsersController_get'];
    /** Changes the email, real name or comment of your account, or of any as an administrator. */
    put: operations['UsersController_update'];
    post?: never;
    /** Deletes an account with its memberships and tokens; not your own, not the last admin. */
    delete: operations['UsersController_delete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/{user_id}/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Changes your password (old_password required) or resets another account’s as an administrator. */
    put: operations['UsersController_changePassword'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/{user_id}/sysadmin': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Sets or clears the system administrator flag; the last administrator keeps it. */
    put: operations['UsersController_setSysadmin'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/{user_id}/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lists a user's personal access tokens: your own, or anyone's as an administrator. */
    get: operations['TokensController_list'];
    put?: never;
    /** Creates a personal access token for yourself (user_id must be yours). */
    post: operations['TokensController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/{user_id}/tokens/{token_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revokes a user's personal access token: your own, or anyone's as an administrator. */
    delete: operations['TokensController_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    ArtifactResponseDto: {
      annotations: {
        [key: string]: string;
      } | null;
      /** @description OCI 1.1 artifactType, else the config media type. */
      artifact_type: string | null;
      /** @example sha256:… */
      digest: string;
      id: number;
      manifest_media_type: string;
      /** @description The config media type (an image’s config), or the manifest’s for an index. */
      media_type: string;
      project_id: number;
      /** Format: date-time */
      pull_time: string | null;
      /** Format: date-time */
      push_time: string;
      /** @description The manifests an index lists; null otherwise. */
      references: components['schemas']['ReferenceDto'][] | null;
      repository_id: number;
      /** @example library/alpine */
      repository_name: string;
      /** @description Bytes a pull moves, as Harbor counts them: the manifest, config and layers; an index adds its manifests. */
      size: number;
      /**
       * @description The artifact this one refers to (OCI 1.1 subject: a signature’s or SBOM’s image), else null.
       * @example sha256:…
       */
      subject_digest: string | null;
      /** @description null when with_tag=false. */
      tags: components['schemas']['TagDto'][] | null;
      /**
       * @description What kind of artifact this is.
       * @enum {string}
       */
      type: 'IMAGE' | 'CHART' | 'UNKNOWN';
    };
    AuditLogDto: {
      detail: {
        [key: string]: unknown;
      } | null;
      id: number;
      /** Format: date-time */
      op_time: string;
      /**
       * @description create, update, delete, pull, push, login, …
       * @example pull
       */
      operation: string;
      /**
       * @description What was acted on, as people read it.
       * @example library/app:1.0
       */
      resource: string;
      /**
       * @description project, member, user, robot, configuration, artifact, tag, …
       * @example artifact
       */
      resource_type: string;
      /** @enum {string} */
      result: 'success' | 'failure';
      /** @example 10.0.0.12 */
      source_ip: string | null;
      /**
       * @description The account name at the time (users, robots, or anonymous).
       * @example admin
       */
      username: string;
    };
    BoolConfigItemDto: {
      /** @description Whether the setting can be changed through the API. */
      editable: boolean;
      value: boolean;
    };
    BuildHistoryEntryDto: {
      author?: string;
      comment?: string;
      /** Format: date-time */
      created?: string;
      /** @example /bin/sh -c #(nop) COPY file:… in /app */
      created_by?: string;
      /** @description True when the step added no layer (ENV, CMD, …). */
      empty_layer?: boolean;
    };
    ChangePasswordDto: {
      /** @description 8 to 128 characters with an upper-case letter, a lower-case letter and a digit. */
      new_password: string;
      /** @description The current password; required when changing your own. */
      old_password?: string;
    };
    ComponentHealthDto: {
      details?: {
        [key: string]: unknown;
      };
      error?: string;
      /** @example database */
      name: string;
      /** @enum {string} */
      status: 'healthy' | 'unhealthy';
    };
    ConfigurationsDto: {
      /** @description Days audit entries are kept; 0 keeps them forever. */
      audit_log_retention_days?: number;
      /**
       * @description db_auth: local accounts; ldap_auth: LDAP accounts (the local admin keeps signing in).
       * @enum {string}
       */
      auth_mode?: 'db_auth' | 'ldap_auth';
      /** @description Where user entries are searched. */
      ldap_base_dn?: string;
      /**
       * @description Extra filter users must match.
       * @example (objectClass=person)
       */
      ldap_filter?: string;
      /** @description Members of this group are system administrators. */
      ldap_group_admin_dn?: string;
      /**
       * @description Attribute holding a group name.
       * @example cn
       */
      ldap_group_attribute_name?: string;
      /** @description Where group entries are searched; empty uses ldap_base_dn. */
      ldap_group_base_dn?: string;
      /** @description Seconds group memberships are cached; 0 disables the cache. */
      ldap_group_cache_ttl_seconds?: number;
      /**
       * @description User attribute listing the groups of a user.
       * @example memberof
       */
      ldap_group_membership_attribute?: string;
      /**
       * @description Filter group entries must match.
       * @example (objectClass=groupOfNames)
       */
      ldap_group_search_filter?: string;
      /**
       * @description 0 base, 1 one level, 2 subtree.
       * @enum {number}
       */
      ldap_group_search_scope?: 0 | 1 | 2;
      /** @description Levels of nested groups followed at login; 0 follows none. */
      ldap_nested_groups_depth?: number;
      /**
       * @description 0 base, 1 one level, 2 subtree.
       * @enum {number}
       */
      ldap_scope?: 0 | 1 | 2;
      /** @description DN Berth binds as to search the directory; empty binds anonymously. */
      ldap_search_dn?: string;
      /** @description Write-only bind password of ldap_search_dn, stored encrypted. */
      ldap_search_password?: string;
      /** @description Seconds an LDAP login, search or ping may take in all. */
      ldap_timeout?: number;
      /**
       * @description Attribute holding the login name (sAMAccountName on AD).
       * @example uid
       */
      ldap_uid?: string;
      /**
       * @description ldap:// or ldaps:// URL, or empty.
       * @example ldaps://ldap.example.com:636
       */
      ldap_url?: string;
      /** @description Verify the certificate of an ldaps:// server. */
      ldap_verify_cert?: boolean;
      /** @description Minutes a locked account stays locked. */
      login_lockout_minutes?: number;
      /** @description Failed logins in a row before the account locks; 0 never locks. */
      login_lockout_threshold?: number;
      /** @example robot$ */
      robot_name_prefix?: string;
      /** @description Whether robots may be created without an expiry. */
      robot_never_expire_allowed?: boolean;
      /** @description Default days a robot secret is valid. */
      robot_token_duration?: number;
      /** @description Whether people may create their own local account. */
      self_registration?: boolean;
      /** @description Minutes a registry token is valid. */
      token_expiration?: number;
    };
    ConfigurationsResponseDto: {
      audit_log_retention_days: components['schemas']['IntegerConfigItemDto'];
      auth_mode: components['schemas']['StringConfigItemDto'];
      ldap_base_dn: components['schemas']['StringConfigItemDto'];
      ldap_filter: components['schemas']['StringConfigItemDto'];
      ldap_group_admin_dn: components['schemas']['StringConfigItemDto'];
      ldap_group_attribute_name: components['schemas']['StringConfigItemDto'];
      ldap_group_base_dn: components['schemas']['StringConfigItemDto'];
      ldap_group_cache_ttl_seconds: components['schemas']['IntegerConfigItemDto'];
      ldap_group_membership_attribute: components['schemas']['StringConfigItemDto'];
      ldap_group_search_filter: components['schemas']['StringConfigItemDto'];
      ldap_group_search_scope: components['schemas']['IntegerConfigItemDto'];
      ldap_nested_groups_depth: components['schemas']['IntegerConfigItemDto'];
      ldap_scope: components['schemas']['IntegerConfigItemDto'];
      ldap_search_dn: components['schemas']['StringConfigItemDto'];
      /** @description Whether an LDAP bind password is stored (read-only). */
      ldap_search_password_set: components['schemas']['BoolConfigItemDto'];
      ldap_timeout: components['schemas']['IntegerConfigItemDto'];
      ldap_uid: components['schemas']['StringConfigItemDto'];
      ldap_url: components['schemas']['StringConfigItemDto'];
      ldap_verify_cert: components['schemas']['BoolConfigItemDto'];
      login_lockout_minutes: components['schemas']['IntegerConfigItemDto'];
      login_lockout_threshold: components['schemas']['IntegerConfigItemDto'];
      robot_name_prefix: components['schemas']['StringConfigItemDto'];
      robot_never_expire_allowed: components['schemas']['BoolConfigItemDto'];
      robot_token_duration: components['schemas']['IntegerConfigItemDto'];
      self_registration: components['schemas']['BoolConfigItemDto'];
      token_expiration: components['schemas']['IntegerConfigItemDto'];
    };
    CreateMemberDto: {
      member_group?: components['schemas']['MemberGroupDto'];
      member_user?: components['schemas']['MemberUserDto'];
      /**
       * @description 1 projectAdmin, 2 developer, 3 guest, 4 maintainer, 5 limitedGuest.
       * @enum {number}
       */
      role_id: 1 | 4 | 2 | 3 | 5;
    };
    CreatePersonalAccessTokenDto: {
      /**
       * @description Lifetime in days (1 to 3650), or -1 for a token that never expires.
       * @default 30
       */
      expires_in_days: number;
      /**
       * @description Unique among your tokens.
       * @example ci-pull
       */
      name: string;
      /**
       * @description `resource:action` keys the token is limited to; your own permissions still apply on top.
       * @example [
       *       "repository:pull",
       *       "repository:push"
       *     ]
       */
      scopes: string[];
    };
    CreateProjectDto: {
      metadata?: components['schemas']['ProjectMetadataDto'];
      /**
       * @description Lower-case letters and digits, separated by single `.`, `_` or `-`; 1–255 characters.
       * @example team-a
       */
      project_name: string;
      /** @description Deprecated by Harbor in favour of metadata.public; still honoured. */
      public?: boolean;
      /**
       * @description Storage quota in bytes, -1 for unlimited (enforced by the registry once quotas land).
       * @example -1
       */
      storage_limit?: number;
    };
    CreateRobotDto: {
      description?: string;
      /** @default false */
      disable: boolean;
      /**
       * @description Lifetime in days; -1 never expires (when the system allows it); 0 or absent takes the default.
       * @example 30
       */
      duration?: number;
      /** @enum {string} */
      level: 'system' | 'project';
      /**
       * @description Lower case letters, digits and single `.`, `_` or `-` between them; the login name adds the prefix.
       * @example ci
       */
      name: string;
      permissions: components['schemas']['RobotPermissionDto'][];
      /** @description A secret of your choice (32–128 characters with upper and lower case letters and digits); generated when absent. */
      secret?: string;
    };
    CreateTagDto: {
      /** @example v1.2.3 */
      name: string;
    };
    CreateUserDto: {
      comment?: string;
      email?: string;
      /** @description 8 to 128 characters with an upper-case letter, a lower-case letter and a digit. */
      password: string;
      realname?: string;
      username: string;
    };
    CreateUserGroupDto: {
      /** @description Defaults to the group’s name in LDAP, or the first value of its DN. */
      group_name?: string;
      /**
       * @default 1
       * @enum {integer}
       */
      group_type: 1;
      /** @example cn=developers,ou=groups,dc=example,dc=com */
      ldap_group_dn: string;
    };
    Errors: {
      errors: {
        /** @example BAD_REQUEST */
        code: string;
        /** @example page_size must be at most 100, got 500 */
        message: string;
      }[];
    };
    IntegerConfigItemDto: {
      /** @description Whether the setting can be changed through the API. */
      editable: boolean;
      value: number;
    };
    LdapFailedImportUserDto: {
      /** @example not found in LDAP */
      error: string;
      uid: string;
    };
    LdapImportUsersDto: {
      /**
       * @example [
       *       "alice",
       *       "bob"
       *     ]
       */
      ldap_uid_list: string[];
    };
    LdapPingDto: {
      ldap_base_dn?: string;
      /** @description Seconds (Harbor names it so here; the setting is ldap_timeout). */
      ldap_connection_timeout?: number;
      ldap_filter?: string;
      /** @enum {number} */
      ldap_scope?: 0 | 1 | 2;
      ldap_search_dn?: string;
      ldap_search_password?: string;
      ldap_uid?: string;
      /** @example ldaps://ldap.example.com */
      ldap_url?: string;
      ldap_verify_cert?: boolean;
    };
    LdapPingResultDto: {
      /** @example connected to ldap.example.com:636 as cn=berth,ou=services,dc=example,dc=com */
      message: string;
      success: boolean;
    };
    LdapUserDto: {
      email: string;
      realname: string;
      username: string;
    };
    LdapUserGroupDto: {
      group_name: string;
      /**
       * @description 1: LDAP group, as in Harbor.
       * @enum {integer}
       */
      group_type: 1;
      ldap_group_dn: string;
    };
    LoginDto: {
      /**
       * Format: password
       * @description The password.
       */
      password: string;
      /**
       * @description The login name.
       * @example admin
       */
      principal: string;
    };
    LoginResponseDto: {
      /** @description The session CSRF token: send it as X-Berth-CSRF-Token on every POST, PUT, PATCH and DELETE of this session (also readable from the berth-csrf cookie). */
      csrf_token: string;
      /** @description Whether the user is a system administrator (by flag or by LDAP admin group). */
      sysadmin_flag: boolean;
      /** @description The signed-in user. */
      user_id: number;
      username: string;
    };
    MemberGroupDto: {
      group_name?: string;
      /**
       * @description 1 for LDAP, the only kind Berth has.
       * @enum {number}
       */
      group_type?: 1;
      id?: number;
      /** @example cn=developers,ou=groups,dc=example,dc=com */
      ldap_group_dn?: string;
    };
    MemberResponseDto: {
      /** @description The user id or the user group id. */
      entity_id: number;
      /** @description The username or the group name. */
      entity_name: string;
      /**
       * @description u for a user, g for a group.
       * @enum {string}
       */
      entity_type: 'u' | 'g';
      id: number;
      project_id: number;
      role_id: number;
      /** @example developer */
      role_name: string;
    };
    MemberUserDto: {
      user_id?: number;
      username?: string;
    };
    OverallHealthDto: {
      components: components['schemas']['ComponentHealthDto'][];
      /** @enum {string} */
      status: 'healthy' | 'unhealthy';
    };
    PermissionDto: {
      /** @example pull */
      action: string;
      /**
       * @description The resource, relative to the scope or with it.
       * @example repository
       */
      resource: string;
    };
    PersonalAccessTokenCreatedDto: {
      /** Format: date-time */
      creation_time: string;
      /** @description Whether it has expired. */
      expired: boolean;
      /**
       * Format: date-time
       * @description Null when it never expires.
       */
      expires_at: string | null;
      id: number;
      /**
       * Format: date-time
       * @description Recorded to the minute.
       */
      last_used_at: string | null;
      name: string;
      /** Format: date-time */
      revoked_at: string | null;
      scopes: string[];
      /**
       * @description The whole token, shown this once: the password for docker login or Basic authentication.
       * @example berth_pat_1a2b3c4d5e6f7a8b_…
       */
      secret: string;
      /**
       * @description The public start of the token, to recognise it.
       * @example berth_pat_1a2b3c4d5e6f7a8b
       */
      token_prefix: string;
    };
    PersonalAccessTokenResponseDto: {
      /** Format: date-time */
      creation_time: string;
      /** @description Whether it has expired. */
      expired: boolean;
      /**
       * Format: date-time
       * @description Null when it never expires.
       */
      expires_at: string | null;
      id: number;
      /**
       * Format: date-time
       * @description Recorded to the minute.
       */
      last_used_at: string | null;
      name: string;
      /** Format: date-time */
      revoked_at: string | null;
      scopes: string[];
      /**
       * @description The public start of the token, to recognise it.
       * @example berth_pat_1a2b3c4d5e6f7a8b
       */
      token_prefix: string;
    };
    PlatformDto: {
      /** @example amd64 */
      architecture: string;
      /** @example linux */
      os: string;
      'os.features'?: string[];
      'os.version'?: string;
      /** @example v8 */
      variant?: string;
    };
    ProjectMetadataDto: {
      /**
       * @description Whether pushed images are scanned automatically.
       * @enum {string}
       */
      auto_scan?: 'true' | 'false';
      /**
       * @description Whether only signed images can be pulled.
       * @enum {string}
       */
      enable_content_trust?: 'true' | 'false';
      /**
       * @description Whether only cosign-signed images can be pulled.
       * @enum {string}
       */
      enable_content_trust_cosign?: 'true' | 'false';
      /**
       * @description Whether images above `severity` are kept from pulls.
       * @enum {string}
       */
      prevent_vul?: 'true' | 'false';
      /**
       * @description Whether anyone, even anonymous callers, can pull.
       * @enum {string}
       */
      public?: 'true' | 'false';
      /** @description The id of the project’s tag retention policy. */
      retention_id?: string;
      /**
       * @description Whether the system CVE allowlist applies.
       * @enum {string}
       */
      reuse_sys_cve_allowlist?: 'true' | 'false';
      /**
       * @description The severity `prevent_vul` blocks from.
       * @enum {string}
       */
      severity?: 'none' | 'low' | 'medium' | 'high' | 'critical';
    };
    ProjectResponseDto: {
      /** @description Always 0: Berth has no chart repository. */
      chart_count: number;
      /** Format: date-time */
      creation_time: string;
      /** @description The caller’s highest role id in the project, 0 when none (deprecated by Harbor). */
      current_user_role_id: number;
      /** @description Every role id the caller holds, directly or through groups. */
      current_user_role_ids: number[];
      /** @description Always false: deleted projects are gone. */
      deleted: boolean;
      metadata: components['schemas']['ProjectMetadataDto'];
      name: string;
      /** @description The creator, null when a robot created it. */
      owner_id: number | null;
      owner_name: string | null;
      project_id: number;
      /** @description Repositories holding at least one artifact. */
      repo_count: number;
      /** @description Storage quota in bytes, -1 for unlimited (as `quota.hard.storage` of the summary). */
      storage_limit: number;
      /** @description Bytes the project’s artifacts use (as `quota.used.storage` of the summary). */
      storage_used: number;
      /** @description Always true: publicity can be changed. */
      togglable: boolean;
      /** Format: date-time */
      update_time: string;
    };
    ProjectSummaryDto: {
      chart_count: number;
      developer_count: number;
      guest_count: number;
      limited_guest_count: number;
      maintainer_count: number;
      project_admin_count: number;
      quota: components['schemas']['QuotaDto'];
      repo_count: number;
    };
    QuotaDto: {
      hard: components['schemas']['ResourceListDto'];
      used: components['schemas']['ResourceListDto'];
    };
    ReferenceDto: {
      child_digest: string;
      child_id: number;
      /** @description The child manifest’s media type. */
      child_media_type: string;
      /** @description The child’s size in bytes: its manifest, config and layers. */
      child_size: number;
      parent_id: number;
      platform: components['schemas']['PlatformDto'] | null;
    };
    RefreshRobotSecretDto: {
      /** @description A secret of your choice (32–128 characters with upper and lower case letters and digits). */
      secret?: string;
    };
    RepositoryResponseDto: {
      /** @description Artifacts, not counting the manifests an index lists. */
      artifact_count: number;
      /** Format: date-time */
      creation_time: string;
      description: string;
      id: number;
      /**
       * @description The full name, project included.
       * @example library/alpine
       */
      name: string;
      project_id: number;
      pull_count: number;
      /** Format: date-time */
      update_time: string;
    };
    ResourceListDto: {
      /** @description Bytes; -1 for unlimited in `hard`. */
      storage: number;
    };
    RobotAccessDto: {
      /** @example pull */
      action: string;
      /**
       * @description Only allow is supported.
       * @default allow
       * @enum {string}
       */
      effect: 'allow';
      /** @example repository */
      resource: string;
    };
    RobotCreatedResponseDto: {
      /** Format: date-time */
      creation_time: string;
      /** @description Unix time in seconds when it expires; -1 never. */
      expires_at: number;
      id: number;
      /** @example robot$library+ci */
      name: string;
      /** @description The secret, shown only in this response; store it now. */
      secret: string;
    };
    RobotPermissionDto: {
      access: components['schemas']['RobotAccessDto'][];
      /** @enum {string} */
      kind: 'project' | 'system';
      /**
       * @description A project name; `*` for every project (system robots only); `/` for system resources.
       * @example library
       */
      namespace: string;
    };
    RobotResponseDto: {
      /** Format: date-time */
      creation_time: string;
      description: string;
      disable: boolean;
      /** @description Lifetime in days; -1 never expires. */
      duration: number;
      /** @description Whether the caller may change it. */
      editable: boolean;
      /** @description Unix time in seconds when it expires; -1 never. */
      expires_at: number;
      id: number;
      /** Format: date-time */
      last_used_time: string | null;
      /** @enum {string} */
      level: 'system' | 'project';
      /**
       * @description The login name, prefix included.
       * @example robot$library+ci
       */
      name: string;
      permissions: components['schemas']['RobotPermissionDto'][];
      /** Format: date-time */
      update_time: string;
    };
    RobotSecretResponseDto: {
      /** @description The new secret; the previous one stays valid for its grace period. */
      secret: string;
    };
    RoleRequestDto: {
      /** @enum {number} */
      role_id: 1 | 4 | 2 | 3 | 5;
    };
    SearchRepositoryDto: {
      artifact_count: number;
      project_id: number;
      project_name: string;
      project_public: boolean;
      pull_count: number;
      /** @example library/alpine */
      repository_name: string;
    };
    SearchResponseDto: {
      project: components['schemas']['ProjectResponseDto'][];
      repository: components['schemas']['SearchRepositoryDto'][];
    };
    StringConfigItemDto: {
      /** @description Whether the setting can be changed through the API. */
      editable: boolean;
      value: string;
    };
    SysadminFlagDto: {
      sysadmin_flag: boolean;
    };
    SystemInfoDto: {
      /** @enum {string} */
      auth_mode: 'db_auth' | 'ldap_auth';
      /** @example 0.1.0 */
      berth_version: string;
      /** Format: date-time */
      current_time: string;
      /** @example http://localhost:8080 */
      external_url: string;
      /**
       * @description The registry address to use with docker, podman or skopeo.
       * @example localhost:5000
       */
      registry_url: string;
      /** @enum {string} */
      storage_backend: 'filesystem' | 's3';
      /** @description Whether this core-api serves the console bundle itself. */
      with_console: boolean;
    };
    TagDto: {
      artifact_id: number;
      id: number;
      /** @description Always false until immutability rules land. */
      immutable: boolean;
      name: string;
      /**
       * Format: date-time
       * @description When the tag last moved to this artifact.
       */
      push_time: string;
      repository_id: number;
    };
    TokenFormDto: {
      /** @description `offline` to also receive a refresh token. */
      access_type?: string;
      /** @description The client, e.g. `docker` or `containerd-client` (informational). */
      client_id?: string;
      /** @enum {string} */
      grant_type: 'password' | 'refresh_token';
      /** @description With grant_type=password. */
      password?: string;
      /** @description With grant_type=refresh_token. */
      refresh_token?: string;
      /** @description Space-separated scopes, e.g. `repository:library/app:pull,push`. */
      scope?: string;
      /** @description The registry service name, as in the registry challenge. */
      service?: string;
      /** @description With grant_type=password. */
      username?: string;
    };
    TokenResponseDto: {
      /** @description The same token, under the OAuth2 name. */
      access_token: string;
      /**
       * @description Seconds the token is valid for.
       * @example 1800
       */
      expires_in: number;
      /**
       * @description When the token was issued (RFC 3339).
       * @example 2025-01-01T00:00:00.000Z
       */
      issued_at: string;
      /** @description With `access_type=offline` (POST) or `offline_token=true` (GET), for users who gave a password. */
      refresh_token?: string;
      /**
       * @description The granted scopes, space-separated: what was asked for, reduced to what the caller holds.
       * @example repository:library/app:pull,push
       */
      scope: string;
      /** @description The registry bearer token (a signed JWT). */
      token: string;
    };
    UpdateProjectDto: {
      metadata?: components['schemas']['ProjectMetadataDto'];
      /** @description Ignored when it is the project’s name; a project cannot be renamed. */
      project_name?: string;
      /** @description Deprecated by Harbor in favour of metadata.public; still honoured. */
      public?: boolean;
      /**
       * @description Storage quota in bytes, -1 for unlimited (enforced by the registry once quotas land).
       * @example -1
       */
      storage_limit?: number;
    };
    UpdateRepositoryDto: {
      /** @description Free text shown with the repository. */
      description: string;
    };
    UpdateRobotDto: {
      /** @description Ignored (read-only). */
      creation_time?: string;
      description?: string;
      disable?: boolean;
      /** @description Lifetime in days from creation; -1 never expires (when allowed). */
      duration?: number;
      /** @description Ignored (read-only). */
      editable?: boolean;
      /** @description Ignored (read-only). */
      expires_at?: number;
      /** @description Ignored (read-only). */
      id?: number;
      /** @description Ignored (read-only). */
      last_used_time?: Record<string, never> | null;
      /**
       * @description Must equal the robot’s level when sent.
       * @enum {string}
       */
      level?: 'system' | 'project';
      /** @description Must equal the robot’s name (full or without the prefix) when sent. */
      name?: string;
      permissions?: components['schemas']['RobotPermissionDto'][];
      /** @description Ignored: secrets change only through PATCH /robots/{robot_id}. */
      secret?: string;
      /** @description Ignored (read-only). */
      update_time?: string;
    };
    UpdateUserGroupDto: {
      group_name: string;
    };
    UpdateUserProfileDto: {
      comment?: string;
      email?: string;
      realname?: string;
    };
    UserGroupDto: {
      group_name: string;
      /**
       * @description 1: LDAP group, as in Harbor.
       * @enum {integer}
       */
      group_type: 1;
      id: number;
      /** @description The LDAP DN, normalized to lower case. */
      ldap_group_dn: string;
    };
    UserGroupSearchItemDto: {
      group_name: string;
      /** @enum {integer} */
      group_type: 1;
      id: number;
    };
    UserResponseDto: {
      /** @description Whether the user is a system administrator through the LDAP admin group (current user only). */
      admin_role_in_auth: boolean;
      comment: string;
      /** Format: date-time */
      creation_time: string;
      email: string | null;
      /** Format: date-time */
      last_login_time: string | null;
      realname: string;
      /**
       * @description Where the password lives.
       * @enum {string}
       */
      source: 'local' | 'ldap';
      /** @description Whether the account is flagged as a system administrator. */
      sysadmin_flag: boolean;
      /** Format: date-time */
      update_time: string;
      user_id: number;
      username: string;
    };
    UserSearchItemDto: {
      user_id: number;
      username: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  AuditController_list: {
    parameters: {
      query?: {
        /** @description Filter as comma-separated terms: `k=v` exact, `k=~v` fuzzy, `k=[a~b]` range (either end may be open), `k={a b}` any of. Keys: `username` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `operation` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `resource_type` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `resource` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `op_time` (date: k=v, k=[a~b] (dates such as 2024-05-01T12:00:00Z)); `result` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `source_ip` (string: k=v, k=~v (substring, case-insensitive), k={a b}). */
        q?: string;
        /** @description Comma-separated fields, `-` for descending, e.g. `name,-creation_time`. Fields: `op_time`, `username`, `operation`, `resource_type`, `resource`. Default: `-op_time`. */
        sort?: string;
        page?: number;
        page_size?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of the list. */
      200: {
        headers: {
          /** @description Links to the previous and next pages (RFC 8288), e.g. `</api/v2.0/projects?page=2&page_size=10>; rel="next"`; page_size is at most 100. */
          Link?: string;
          /** @description The number of items on all pages. */
          'X-Total-Count'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditLogDto'][];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  SessionController_logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Signed out (also when there was no session). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  SessionController_logoutByPost: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Signed out (also when there was no session). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  SessionController_login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginDto'];
        'application/x-www-form-urlencoded': components['schemas']['LoginDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LoginResponseDto'];
        };
      };
      /** @description Wrong credentials, a locked account or address, or LDAP unavailable. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  ConfigurationsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConfigurationsResponseDto'];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  ConfigurationsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ConfigurationsDto'];
      };
    };
    responses: {
      /** @description The settings were changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description An unknown key, an invalid value or an invalid combination. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  SystemController_getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OverallHealthDto'];
        };
      };
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OverallHealthDto'];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  LdapController_searchGroups: {
    parameters: {
      query?: {
        /** @description Part of the group name. */
        groupname?: string;
        /** @description The exact DN of a group; takes precedence over groupname. */
        groupdn?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LdapUserGroupDto'][];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  LdapController_ping: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['LdapPingDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LdapPingResultDto'];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  LdapController_importUsers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LdapImportUsersDto'];
      };
    };
    responses: {
      /** @description Every user was imported. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The users that were not imported, and why. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LdapFailedImportUserDto'][];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  LdapController_searchUsers: {
    parameters: {
      query?: {
        /** @description Part of the login name; empty lists the first users. */
        username?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LdapUserDto'][];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  SystemController_ping: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': string;
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  ProjectsController_list: {
    parameters: {
      query?: {
        /** @description Part of the project name (case-insensitive). */
        name?: string;
        public?: 'true' | 'false';
        /** @description The owner’s username. */
        owner?: string;
        /** @description Filter as comma-separated terms: `k=v` exact, `k=~v` fuzzy, `k=[a~b]` range (either end may be open), `k={a b}` any of. Keys: `project_id` (int: k=v, k=[a~b], k={a b}); `name` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `public` (bool: k=true|false); `owner_id` (int: k=v, k=[a~b], k={a b}); `owner_name` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `creation_time` (date: k=v, k=[a~b] (dates such as 2024-05-01T12:00:00Z)); `update_time` (date: k=v, k=[a~b] (dates such as 2024-05-01T12:00:00Z)). */
        q?: string;
        /** @description Comma-separated fields, `-` for descending, e.g. `name,-creation_time`. Fields: `project_id`, `name`, `creation_time`, `update_time`. Default: `name`. */
        sort?: string;
        page?: number;
        page_size?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of the list. */
      200: {
        headers: {
          /** @description Links to the previous and next pages (RFC 8288), e.g. `</api/v2.0/projects?page=2&page_size=10>; rel="next"`; page_size is at most 100. */
          Link?: string;
          /** @description The number of items on all pages. */
          'X-Total-Count'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectResponseDto'][];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  ProjectsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateProjectDto'];
      };
    };
    responses: {
      /** @description Created; `Location` names the new project. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A project of that name exists. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  ProjectsController_exists: {
    parameters: {
      query: {
        project_name: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The project exists. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such project (as far as the caller may know). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  ProjectsController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description `true` when project_name_or_id is a name that looks like a number. */
        'X-Is-Resource-Name'?: string;
      };
      path: {
        /** @description The project’s id, or its name. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectResponseDto'];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  ProjectsController_update: {
    parameters: {
      query?: never;
      header?: {
        /** @description `true` when project_name_or_id is a name that looks like a number. */
        'X-Is-Resource-Name'?: string;
      };
      path: {
        /** @description The project’s id, or its name. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateProjectDto'];
      };
    };
    responses: {
      /** @description Changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  ProjectsController_delete: {
    parameters: {
      query?: never;
      header?: {
        /** @description `true` when project_name_or_id is a name that looks like a number. */
        'X-Is-Resource-Name'?: string;
      };
      path: {
        /** @description The project’s id, or its name. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted, with its members and robots. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The project still holds repositories. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  AuditController_listForProject: {
    parameters: {
      query?: {
        /** @description Filter as comma-separated terms: `k=v` exact, `k=~v` fuzzy, `k=[a~b]` range (either end may be open), `k={a b}` any of. Keys: `username` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `operation` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `resource_type` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `resource` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `op_time` (date: k=v, k=[a~b] (dates such as 2024-05-01T12:00:00Z)); `result` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `source_ip` (string: k=v, k=~v (substring, case-insensitive), k={a b}). */
        q?: string;
        /** @description Comma-separated fields, `-` for descending, e.g. `name,-creation_time`. Fields: `op_time`, `username`, `operation`, `resource_type`, `resource`. Default: `-op_time`. */
        sort?: string;
        page?: number;
        page_size?: number;
      };
      header?: never;
      path: {
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of the list. */
      200: {
        headers: {
          /** @description Links to the previous and next pages (RFC 8288), e.g. `</api/v2.0/projects?page=2&page_size=10>; rel="next"`; page_size is at most 100. */
          Link?: string;
          /** @description The number of items on all pages. */
          'X-Total-Count'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditLogDto'][];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  MembersController_list: {
    parameters: {
      query?: {
        /** @description Part of the user or group name. */
        entityname?: string;
        /** @description Filter as comma-separated terms: `k=v` exact, `k=~v` fuzzy, `k=[a~b]` range (either end may be open), `k={a b}` any of. Keys: `entity_name` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `entity_type` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `role_id` (int: k=v, k=[a~b], k={a b}). */
        q?: string;
        /** @description Comma-separated fields, `-` for descending, e.g. `name,-creation_time`. Fields: `entity_name`, `entity_type`, `role_id`. Default: `entity_name`. */
        sort?: string;
        page?: number;
        page_size?: number;
      };
      header?: never;
      path: {
        /** @description The project’s name or id. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of the list. */
      200: {
        headers: {
          /** @description Links to the previous and next pages (RFC 8288), e.g. `</api/v2.0/projects?page=2&page_size=10>; rel="next"`; page_size is at most 100. */
          Link?: string;
          /** @description The number of items on all pages. */
          'X-Total-Count'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberResponseDto'][];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  MembersController_add: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project’s name or id. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateMemberDto'];
      };
    };
    responses: {
      /** @description Added; `Location` names the membership. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Already a member. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  MembersController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        mid: number;
        /** @description The project’s name or id. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberResponseDto'];
        };
      };
      /** @description No such member in the project. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  MembersController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        mid: number;
        /** @description The project’s name or id. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RoleRequestDto'];
      };
    };
    responses: {
      /** @description Changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  MembersController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        mid: number;
        /** @description The project’s name or id. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  ProjectMetadataController_list: {
    parameters: {
      query?: never;
      header?: {
        /** @description `true` when project_name_or_id is a name that looks like a number. */
        'X-Is-Resource-Name'?: string;
      };
      path: {
        /** @description The project’s id, or its name. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: string;
          };
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  ProjectMetadataController_add: {
    parameters: {
      query?: never;
      header?: {
        /** @description `true` when project_name_or_id is a name that looks like a number. */
        'X-Is-Resource-Name'?: string;
      };
      path: {
        /** @description The project’s id, or its name. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Set. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  ProjectMetadataController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description `true` when project_name_or_id is a name that looks like a number. */
        'X-Is-Resource-Name'?: string;
      };
      path: {
        meta_name: string;
        /** @description The project’s id, or its name. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: string;
          };
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  ProjectMetadataController_update: {
    parameters: {
      query?: never;
      header?: {
        /** @description `true` when project_name_or_id is a name that looks like a number. */
        'X-Is-Resource-Name'?: string;
      };
      path: {
        meta_name: string;
        /** @description The project’s id, or its name. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  ProjectMetadataController_delete: {
    parameters: {
      query?: never;
      header?: {
        /** @description `true` when project_name_or_id is a name that looks like a number. */
        'X-Is-Resource-Name'?: string;
      };
      path: {
        meta_name: string;
        /** @description The project’s id, or its name. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  RepositoriesController_list: {
    parameters: {
      query?: {
        /** @description Filter as comma-separated terms: `k=v` exact, `k=~v` fuzzy, `k=[a~b]` range (either end may be open), `k={a b}` any of. Keys: `id` (int: k=v, k=[a~b], k={a b}); `name` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `creation_time` (date: k=v, k=[a~b] (dates such as 2024-05-01T12:00:00Z)); `update_time` (date: k=v, k=[a~b] (dates such as 2024-05-01T12:00:00Z)). */
        q?: string;
        /** @description Comma-separated fields, `-` for descending, e.g. `name,-creation_time`. Fields: `id`, `name`, `pull_count`, `artifact_count`, `creation_time`, `update_time`. Default: `-update_time`. */
        sort?: string;
        page?: number;
        page_size?: number;
      };
      header?: never;
      path: {
        /** @description The project’s name or id. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of the list. */
      200: {
        headers: {
          /** @description Links to the previous and next pages (RFC 8288), e.g. `</api/v2.0/projects?page=2&page_size=10>; rel="next"`; page_size is at most 100. */
          Link?: string;
          /** @description The number of items on all pages. */
          'X-Total-Count'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RepositoryResponseDto'][];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  RepositoriesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The repository name without the project, URL-encoded (`a/b` as `a%2Fb`; Harbor’s `a%252Fb` works too). */
        repository_name: string;
        /** @description The project’s name or id. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RepositoryResponseDto'];
        };
      };
      /** @description No such repository in the project. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  RepositoriesController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The repository name without the project, URL-encoded (`a/b` as `a%2Fb`; Harbor’s `a%252Fb` works too). */
        repository_name: string;
        /** @description The project’s name or id. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateRepositoryDto'];
      };
    };
    responses: {
      /** @description Changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  RepositoriesController_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The repository name without the project, URL-encoded (`a/b` as `a%2Fb`; Harbor’s `a%252Fb` works too). */
        repository_name: string;
        /** @description The project’s name or id. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  ArtifactsController_list: {
    parameters: {
      query?: {
        /** @description Whether to include the tags (default true). */
        with_tag?: 'true' | 'false';
        /** @description Filter as comma-separated terms: `k=v` exact, `k=~v` fuzzy, `k=[a~b]` range (either end may be open), `k={a b}` any of. Keys: `digest` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `media_type` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `artifact_type` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `push_time` (date: k=v, k=[a~b] (dates such as 2024-05-01T12:00:00Z)); `pull_time` (date: k=v, k=[a~b] (dates such as 2024-05-01T12:00:00Z)). */
        q?: string;
        /** @description Comma-separated fields, `-` for descending, e.g. `name,-creation_time`. Fields: `size`, `push_time`, `pull_time`. Default: `-push_time`. */
        sort?: string;
        page?: number;
        page_size?: number;
      };
      header?: never;
      path: {
        /** @description The repository name without the project, URL-encoded (`a/b` as `a%2Fb`; Harbor’s `a%252Fb` works too). */
        repository_name: string;
        /** @description The project’s name or id. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of the list. */
      200: {
        headers: {
          /** @description Links to the previous and next pages (RFC 8288), e.g. `</api/v2.0/projects?page=2&page_size=10>; rel="next"`; page_size is at most 100. */
          Link?: string;
          /** @description The number of items on all pages. */
          'X-Total-Count'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ArtifactResponseDto'][];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  ArtifactsController_copy: {
    parameters: {
      query: {
        /** @description `<project>/<repository>@<digest>` or `…:<tag>`. */
        from: string;
      };
      header?: never;
      path: {
        /** @description The repository name without the project, URL-encoded (`a/b` as `a%2Fb`; Harbor’s `a%252Fb` works too). */
        repository_name: string;
        /** @description The project’s name or id. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Copied; `Location` names the copy. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  ArtifactsController_get: {
    parameters: {
      query?: {
        /** @description Whether to include the tags (default true). */
        with_tag?: 'true' | 'false';
      };
      header?: never;
      path: {
        /** @description The repository name without the project, URL-encoded (`a/b` as `a%2Fb`; Harbor’s `a%252Fb` works too). */
        repository_name: string;
        reference: string;
        /** @description The project’s name or id. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ArtifactResponseDto'];
        };
      };
      /** @description No such artifact. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  ArtifactsController_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The repository name without the project, URL-encoded (`a/b` as `a%2Fb`; Harbor’s `a%252Fb` works too). */
        repository_name: string;
        reference: string;
        /** @description The project’s name or id. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description An index lists the artifact; delete the index first. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  ArtifactsController_buildHistory: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The repository name without the project, URL-encoded (`a/b` as `a%2Fb`; Harbor’s `a%252Fb` works too). */
        repository_name: string;
        reference: string;
        /** @description The project’s name or id. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BuildHistoryEntryDto'][];
        };
      };
      /** @description No such artifact, or it has no config (an index). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The config is not a JSON object, or too large to show. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  ArtifactsController_config: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The repository name without the project, URL-encoded (`a/b` as `a%2Fb`; Harbor’s `a%252Fb` works too). */
        repository_name: string;
        reference: string;
        /** @description The project’s name or id. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The config document. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description No such artifact, or it has no config (an index). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The config is not a JSON object, or too large to show. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  ArtifactsController_manifest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The repository name without the project, URL-encoded (`a/b` as `a%2Fb`; Harbor’s `a%252Fb` works too). */
        repository_name: string;
        reference: string;
        /** @description The project’s name or id. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The manifest document. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description No such artifact. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  ArtifactsController_referrers: {
    parameters: {
      query?: {
        /** @description Whether to include the tags (default true). */
        with_tag?: 'true' | 'false';
        /** @description Filter as comma-separated terms: `k=v` exact, `k=~v` fuzzy, `k=[a~b]` range (either end may be open), `k={a b}` any of. Keys: `digest` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `media_type` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `artifact_type` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `push_time` (date: k=v, k=[a~b] (dates such as 2024-05-01T12:00:00Z)). */
        q?: string;
        /** @description Comma-separated fields, `-` for descending, e.g. `name,-creation_time`. Fields: `artifact_type`, `size`, `push_time`. Default: `artifact_type,-push_time`. */
        sort?: string;
        page?: number;
        page_size?: number;
      };
      header?: never;
      path: {
        /** @description The repository name without the project, URL-encoded (`a/b` as `a%2Fb`; Harbor’s `a%252Fb` works too). */
        repository_name: string;
        reference: string;
        /** @description The project’s name or id. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of the list. */
      200: {
        headers: {
          /** @description Links to the previous and next pages (RFC 8288), e.g. `</api/v2.0/projects?page=2&page_size=10>; rel="next"`; page_size is at most 100. */
          Link?: string;
          /** @description The number of items on all pages. */
          'X-Total-Count'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ArtifactResponseDto'][];
        };
      };
      /** @description No such artifact. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  ArtifactsController_addTag: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The repository name without the project, URL-encoded (`a/b` as `a%2Fb`; Harbor’s `a%252Fb` works too). */
        repository_name: string;
        reference: string;
        /** @description The project’s name or id. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateTagDto'];
      };
    };
    responses: {
      /** @description Tagged. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The repository already has that tag. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  ArtifactsController_deleteTag: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The repository name without the project, URL-encoded (`a/b` as `a%2Fb`; Harbor’s `a%252Fb` works too). */
        repository_name: string;
        reference: string;
        tag_name: string;
        /** @description The project’s name or id. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  RobotsController_listForProject: {
    parameters: {
      query?: {
        /** @description Filter as comma-separated terms: `k=v` exact, `k=~v` fuzzy, `k=[a~b]` range (either end may be open), `k={a b}` any of. Keys: `name` (string: k=v, k=~v (substring, case-insensitive), k={a b}). */
        q?: string;
        /** @description Comma-separated fields, `-` for descending, e.g. `name,-creation_time`. Fields: `name`, `creation_time`. Default: `name`. */
        sort?: string;
        page?: number;
        page_size?: number;
      };
      header?: never;
      path: {
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of the list. */
      200: {
        headers: {
          /** @description Links to the previous and next pages (RFC 8288), e.g. `</api/v2.0/projects?page=2&page_size=10>; rel="next"`; page_size is at most 100. */
          Link?: string;
          /** @description The number of items on all pages. */
          'X-Total-Count'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RobotResponseDto'][];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  ProjectsController_summary: {
    parameters: {
      query?: never;
      header?: {
        /** @description `true` when project_name_or_id is a name that looks like a number. */
        'X-Is-Resource-Name'?: string;
      };
      path: {
        /** @description The project’s id, or its name. */
        project_name_or_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectSummaryDto'];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  RobotsController_list: {
    parameters: {
      query?: {
        /** @description Filter as comma-separated terms: `k=v` exact, `k=~v` fuzzy, `k=[a~b]` range (either end may be open), `k={a b}` any of. Keys: `Level` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `ProjectID` (int: k=v, k=[a~b], k={a b}); `name` (string: k=v, k=~v (substring, case-insensitive), k={a b}). */
        q?: string;
        /** @description Comma-separated fields, `-` for descending, e.g. `name,-creation_time`. Fields: `name`, `creation_time`. Default: `name`. */
        sort?: string;
        page?: number;
        page_size?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of the list. */
      200: {
        headers: {
          /** @description Links to the previous and next pages (RFC 8288), e.g. `</api/v2.0/projects?page=2&page_size=10>; rel="next"`; page_size is at most 100. */
          Link?: string;
          /** @description The number of items on all pages. */
          'X-Total-Count'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RobotResponseDto'][];
        };
      };
      /** @description The caller may not list these robots. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  RobotsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateRobotDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RobotCreatedResponseDto'];
        };
      };
      /** @description An invalid name, permission list, duration or secret. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A robot with that name exists. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  RobotsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        robot_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RobotResponseDto'];
        };
      };
      /** @description No such robot the caller can see. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  RobotsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        robot_id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateRobotDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RobotResponseDto'];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  RobotsController_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        robot_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  RobotsController_refreshSecret: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        robot_id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RefreshRobotSecretDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RobotSecretResponseDto'];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  SearchController_find: {
    parameters: {
      query: {
        /** @description Part of the name (case-insensitive). */
        q: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SearchResponseDto'];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  TokenController_get: {
    parameters: {
      query?: {
        /** @description The client (informational). */
        client_id?: string;
        /** @description `true` to also receive a refresh token. */
        offline_token?: string;
        /** @description The account name (informational). */
        account?: string;
        /** @description Repeated: `repository:<name>:pull,push,delete`, `registry:catalog:*`. */
        scope?: string[];
        /** @description The registry service name from its challenge. */
        service?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenResponseDto'];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  TokenController_post: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/x-www-form-urlencoded': components['schemas']['TokenFormDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenResponseDto'];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  SystemController_systemInfo: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SystemInfoDto'];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  UserGroupsController_list: {
    parameters: {
      query?: {
        /** @description Exactly this LDAP DN (compared normalized). */
        ldap_group_dn?: string;
        /** @description Part of the group name. */
        group_name?: string;
        /** @description Filter as comma-separated terms: `k=v` exact, `k=~v` fuzzy, `k=[a~b]` range (either end may be open), `k={a b}` any of. Keys: `group_name` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `ldap_group_dn` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `creation_time` (date: k=v, k=[a~b] (dates such as 2024-05-01T12:00:00Z)). */
        q?: string;
        /** @description Comma-separated fields, `-` for descending, e.g. `name,-creation_time`. Fields: `group_name`, `creation_time`. Default: `group_name`. */
        sort?: string;
        page?: number;
        page_size?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of the list. */
      200: {
        headers: {
          /** @description Links to the previous and next pages (RFC 8288), e.g. `</api/v2.0/projects?page=2&page_size=10>; rel="next"`; page_size is at most 100. */
          Link?: string;
          /** @description The number of items on all pages. */
          'X-Total-Count'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserGroupDto'][];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  UserGroupsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUserGroupDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description The new group. */
          Location?: unknown;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserGroupDto'];
        };
      };
      /** @description Not a DN, or no such group in LDAP. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A group with that DN exists. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description LDAP cannot be reached to check the DN. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  UserGroupsController_search: {
    parameters: {
      query: {
        /** @description Filter as comma-separated terms: `k=v` exact, `k=~v` fuzzy, `k=[a~b]` range (either end may be open), `k={a b}` any of. This endpoint has no filter keys. */
        q?: string;
        /** @description Comma-separated fields, `-` for descending, e.g. `name,-creation_time`. Fields: none. */
        sort?: string;
        page?: number;
        page_size?: number;
        groupname: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of the list. */
      200: {
        headers: {
          /** @description Links to the previous and next pages (RFC 8288), e.g. `</api/v2.0/projects?page=2&page_size=10>; rel="next"`; page_size is at most 100. */
          Link?: string;
          /** @description The number of items on all pages. */
          'X-Total-Count'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserGroupSearchItemDto'][];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  UserGroupsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        group_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserGroupDto'];
        };
      };
      /** @description No such group. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  UserGroupsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        group_id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateUserGroupDto'];
      };
    };
    responses: {
      /** @description Renamed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  UserGroupsController_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        group_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  UsersController_list: {
    parameters: {
      query?: {
        /** @description Filter as comma-separated terms: `k=v` exact, `k=~v` fuzzy, `k=[a~b]` range (either end may be open), `k={a b}` any of. Keys: `username` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `email` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `sysadmin_flag` (bool: k=true|false); `creation_time` (date: k=v, k=[a~b] (dates such as 2024-05-01T12:00:00Z)). */
        q?: string;
        /** @description Comma-separated fields, `-` for descending, e.g. `name,-creation_time`. Fields: `username`, `email`, `creation_time`, `update_time`. Default: `username`. */
        sort?: string;
        page?: number;
        page_size?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of the list. */
      200: {
        headers: {
          /** @description Links to the previous and next pages (RFC 8288), e.g. `</api/v2.0/projects?page=2&page_size=10>; rel="next"`; page_size is at most 100. */
          Link?: string;
          /** @description The number of items on all pages. */
          'X-Total-Count'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserResponseDto'][];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  UsersController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUserDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description The new account. */
          Location?: unknown;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserResponseDto'];
        };
      };
      /** @description An invalid username or a password that fails the policy. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The username or email is taken. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  UsersController_current: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserResponseDto'];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  UsersController_permissions: {
    parameters: {
      query?: {
        scope?: string;
        /** @description Resources relative to the scope. */
        relative?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PermissionDto'][];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  TokensController_listOwn: {
    parameters: {
      query?: {
        /** @description Filter as comma-separated terms: `k=v` exact, `k=~v` fuzzy, `k=[a~b]` range (either end may be open), `k={a b}` any of. Keys: `name` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `creation_time` (date: k=v, k=[a~b] (dates such as 2024-05-01T12:00:00Z)). */
        q?: string;
        /** @description Comma-separated fields, `-` for descending, e.g. `name,-creation_time`. Fields: `name`, `creation_time`, `expires_at`. Default: `-creation_time`. */
        sort?: string;
        page?: number;
        page_size?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of the list. */
      200: {
        headers: {
          /** @description Links to the previous and next pages (RFC 8288), e.g. `</api/v2.0/projects?page=2&page_size=10>; rel="next"`; page_size is at most 100. */
          Link?: string;
          /** @description The number of items on all pages. */
          'X-Total-Count'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PersonalAccessTokenResponseDto'][];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  TokensController_createOwn: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreatePersonalAccessTokenDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PersonalAccessTokenCreatedDto'];
        };
      };
      /** @description An invalid name, an unknown scope or an invalid lifetime. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description You already have a token of that name. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  TokensController_revokeOwn: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such token, or revoked already. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  UsersController_search: {
    parameters: {
      query: {
        /** @description Filter as comma-separated terms: `k=v` exact, `k=~v` fuzzy, `k=[a~b]` range (either end may be open), `k={a b}` any of. This endpoint has no filter keys. */
        q?: string;
        /** @description Comma-separated fields, `-` for descending, e.g. `name,-creation_time`. Fields: none. */
        sort?: string;
        page?: number;
        page_size?: number;
        username: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of the list. */
      200: {
        headers: {
          /** @description Links to the previous and next pages (RFC 8288), e.g. `</api/v2.0/projects?page=2&page_size=10>; rel="next"`; page_size is at most 100. */
          Link?: string;
          /** @description The number of items on all pages. */
          'X-Total-Count'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserSearchItemDto'][];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  UsersController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        user_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserResponseDto'];
        };
      };
      /** @description Another user's account, without user:read. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such account. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  UsersController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        user_id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateUserProfileDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserResponseDto'];
        };
      };
      /** @description The email is used by another account. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  UsersController_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        user_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The account is the last system administrator. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  UsersController_changePassword: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        user_id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangePasswordDto'];
      };
    };
    responses: {
      /** @description Changed; the account’s other console sessions have ended. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The new password fails the policy or equals the current one. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Wrong old password, or another account without being an administrator. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  UsersController_setSysadmin: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        user_id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SysadminFlagDto'];
      };
    };
    responses: {
      /** @description Changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The account is the last system administrator. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  TokensController_list: {
    parameters: {
      query?: {
        /** @description Filter as comma-separated terms: `k=v` exact, `k=~v` fuzzy, `k=[a~b]` range (either end may be open), `k={a b}` any of. Keys: `name` (string: k=v, k=~v (substring, case-insensitive), k={a b}); `creation_time` (date: k=v, k=[a~b] (dates such as 2024-05-01T12:00:00Z)). */
        q?: string;
        /** @description Comma-separated fields, `-` for descending, e.g. `name,-creation_time`. Fields: `name`, `creation_time`, `expires_at`. Default: `-creation_time`. */
        sort?: string;
        page?: number;
        page_size?: number;
      };
      header?: never;
      path: {
        user_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of the list. */
      200: {
        headers: {
          /** @description Links to the previous and next pages (RFC 8288), e.g. `</api/v2.0/projects?page=2&page_size=10>; rel="next"`; page_size is at most 100. */
          Link?: string;
          /** @description The number of items on all pages. */
          'X-Total-Count'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PersonalAccessTokenResponseDto'][];
        };
      };
      /** @description Another user's tokens, without being a system administrator. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  TokensController_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        user_id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreatePersonalAccessTokenDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PersonalAccessTokenCreatedDto'];
        };
      };
      /** @description Nobody creates tokens for someone else. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  TokensController_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        user_id: number;
        token_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
}
