import type { SourceRef } from '../api-types.js';
import { doiUrl, pubmedUrl } from '../lib.js';

/** One source: label, dataset record, PubMed and DOI links, and its caveat. */
export function SourceRefView({ source }: { source: SourceRef }) {
  return (
    <span className="source">
      {source.url ? (
        <a href={source.url} rel="noreferrer" target="_blank">
          {source.label}
        </a>
      ) : (
        <span>{source.label}</span>
      )}
      {source.record ? (
        <span className="muted" title={source.dataset}>
          {' '}
          · record {source.record}
        </span>
      ) : source.dataset && source.dataset !== source.label ? (
        <span className="muted"> · {source.dataset}</span>
      ) : null}
      {source.pmid ? (
        <>
          {' '}
          ·{' '}
          <a href={pubmedUrl(source.pmid)} rel="noreferrer" target="_blank">
            PMID {source.pmid}
          </a>
        </>
      ) : null}
      {source.doi ? (
        <>
          {' '}
          ·{' '}
          <a href={doiUrl(source.doi)} rel="noreferrer" target="_blank">
            DOI {source.doi}
          </a>
        </>
      ) : null}
      {source.note ? <span className="muted"> · {source.note}</span> : null}
    </span>
  );
}

export function SourceList({ sources }: { sources: SourceRef[] | undefined }) {
  if (!sources || sources.length === 0) return null;
  return (
    <ul className="sources">
      {sources.map((source, index) => (
        <li key={index}>
          <SourceRefView source={source} />
        </li>
      ))}
    </ul>
  );
}
