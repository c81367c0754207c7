/** The path parameters of a project's routes, by id: an id never reads as a name, so no `X-Is-Resource-Name`. */
export function projectPath(projectId: number) {
  return { project_name_or_id: String(projectId) };
}
