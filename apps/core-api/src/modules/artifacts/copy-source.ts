import { isValidRepositoryName, parseManifestReference } from '@berth/oci';
import { ArtifactsException } from './artifacts.exception';

/** A parsed `from` of a copy: `<project>/<repository>@<digest>` or `<project>/<repository>:<tag>`. */
export interface CopySource {
  projectName: string;
  repository: string;
  reference: string;
}

/** Parses `from=<project>/<repository>@<digest>` or `from=<project>/<repository>:<tag>`. */
export function parseCopySource(from: string | undefined): CopySource {
  const invalid = (): ArtifactsException =>
    new ArtifactsException(
      'INVALID_SOURCE',
      'from must be <project>/<repository>@<digest> or <project>/<repository>:<tag>',
    );
  if (!from) throw invalid();
  const at = from.indexOf('@');
  const colon = from.lastIndexOf(':');
  const split = at >= 0 ? at : colon > from.lastIndexOf('/') ? colon : -1;
  if (split < 0) throw invalid();
  const repository = from.slice(0, split);
  const reference = from.slice(split + 1);
  const slash = repository.indexOf('/');
  const parsed = parseManifestReference(reference);
  if (slash <= 0 || !isValidRepositoryName(repository) || !parsed.ok) throw invalid();
  // `@` introduces a digest only, as in image references; a tag follows `:`.
  if (at >= 0 && parsed.reference.kind !== 'digest') throw invalid();
  return { projectName: repository.slice(0, slash), repository, reference };
}
