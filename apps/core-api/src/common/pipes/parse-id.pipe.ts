import { type ArgumentMetadata, Injectable, NotFoundException, ParseIntPipe } from '@nestjs/common';
import { fitsInt4 } from '../pg-int';

/**
 * Parses an id path parameter like ParseIntPipe, and answers 404 for a number no integer column can hold: such an id
 * names nothing, and passed on it would make Postgres fail the query (a 500).
 */
@Injectable()
export class ParseIdPipe extends ParseIntPipe {
  /** Parses the parameter, refusing ids outside the integer range as not found. */
  override async transform(value: string, metadata: ArgumentMetadata): Promise<number> {
    const id = await super.transform(value, metadata);
    if (!fitsInt4(id)) throw new NotFoundException(`no ${metadata.data ?? 'resource'} ${value}`);
    return id;
  }
}
