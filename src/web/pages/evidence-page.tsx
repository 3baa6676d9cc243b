import { api } from '../api.js';
import type { Study } from '../api-types.js';
import { FoodLink } from '../components/food-link.js';
import { ScrollRegion } from '../components/scroll-region.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { doiUrl, pubmedUrl, useAsync } from '../lib.js';
import { href } from '../router.js';

function studyAnchor(id: string): string {
  return `study-${id.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

/** Links to a study row on the same page without touching the hash route. */
function StudyRefs({ ids, studies }: { ids: string[]; studies: Map<string, Study> }) {
  if (ids.length === 0) return null;
  return (
    <span className="study-refs small">
      {ids.map((id, index) => {
        const study = studies.get(id);
        const label = study ? (study.label ?? `${study.firstAuthor} ${study.year}`) : id;
        return (
          <span key={id}>
            {index ? ', ' : ''}
            <a
              href={`#${studyAnchor(id)}`}
              onClick={(event) => {
                event.preventDefault();
                const row = document.getElementById(studyAnchor(id));
                row?.scrollIntoView({ block: 'center' });
                row?.focus();
              }}
            >
              {label}
            </a>
          </span>
        );
      })}
    </span>
  );
}

export function EvidencePage() {
  const evidence = useAsync(() => api.evidence(), []);
  const faq = useAsync(() => api.faq(), []);
  const studies = new Map((evidence.data?.studies ?? []).map((s) => [s.id, s]));
  return (
    <section aria-labelledby="evidence-title" className="evidence-page">
      <h1 id="evidence-title">Evidence</h1>
      <p>
        No human trial has shown a nutrient reversing arterial or valve calcification. Some
        nutrients are associated with slower progression or lower risk; several supplement trials
        were negative. Each claim below carries a grade and its studies.
      </p>
      {evidence.loading && !evidence.data ? <Loading what="the evidence base" /> : null}
      <ErrorMessage error={evidence.error} title="Could not load the evidence base." />
      {evidence.data ? (
        <div className="card">
          <h2>Comparison table</h2>
          <p className="small muted">
            Each claim is graded for the certainty of its evidence: high, moderate, low, very low,
            or insufficient.
          </p>
          <ScrollRegion label="Comparison table">
            <table className="evidence-table">
              <caption className="sr-only">
                Nutrients by mechanism, evidence for reversal and prevention, food sources
              </caption>
              <thead>
                <tr>
                  <th scope="col">Nutrient</th>
                  <th scope="col">Mechanism</th>
                  <th scope="col">Reversal</th>
                  <th scope="col">Prevention or slowing</th>
                  <th scope="col">Food sources</th>
                  <th scope="col">Cautions</th>
                </tr>
              </thead>
              <tbody>
                {evidence.data.nutrients.map((n) => (
                  <tr key={n.id}>
                    <th scope="row">{n.name}</th>
                    <td>{n.mechanism}</td>
                    <td>
                      <Grade grade={n.reversal.grade} /> {n.reversal.summary}{' '}
                      <StudyRefs ids={n.reversal.studies} studies={studies} />
                    </td>
                    <td>
                      <Grade grade={n.prevention.grade} /> {n.prevention.summary}{' '}
                      <StudyRefs ids={n.prevention.studies} studies={studies} />
                    </td>
                    <td>
                      <ul className="compact">
                        {n.foods.slice(0, 4).map((foodId) => (
                          <li key={foodId}>
                            <FoodLink id={foodId} />
                          </li>
                        ))}
                      </ul>
                      {isPanelNutrient(n.id) ? (
                        <a className="small" href={href('top', n.id)}>
                          top foods
                        </a>
                      ) : null}
                    </td>
                    <td>
                      <ul className="compact">
                        {n.cautions.map((c, index) => (
                          <li key={index}>{c}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      ) : null}

      <div className="card">
        <h2>Questions people ask</h2>
        <ErrorMessage error={faq.error} title="Could not load the questions." />
        {faq.data?.questions.map((q, index) => (
          <details key={index} className="faq">
            <summary>{q.question}</summary>
            <p>{q.answer}</p>
            <p>
              Studies: <StudyRefs ids={q.studies} studies={studies} />
            </p>
          </details>
        ))}
      </div>

      {evidence.data ? (
        <div className="card">
          <h2>Studies</h2>
          <ScrollRegion label="Studies (table)">
            <table className="studies-table">
              <thead>
                <tr>
                  <th scope="col">Study</th>
                  <th scope="col">Design</th>
                  <th scope="col" className="num">
                    n
                  </th>
                  <th scope="col">Result</th>
                  <th scope="col">Links</th>
                </tr>
              </thead>
              <tbody>
                {evidence.data.studies.map((s) => (
                  <tr key={s.id} id={studyAnchor(s.id)} tabIndex={-1}>
                    <th scope="row">
                      {s.firstAuthor} {s.year}
                      <div className="small muted">{s.title}</div>
                    </th>
                    <td>{s.design}</td>
                    <td className="num">{s.n ?? '—'}</td>
                    <td>{s.result}</td>
                    <td className="links">
                      {s.pmid ? (
                        <a href={pubmedUrl(s.pmid)} rel="noreferrer" target="_blank">
                          PubMed {s.pmid}
                        </a>
                      ) : null}
                      {s.doi ? (
                        <a href={doiUrl(s.doi)} rel="noreferrer" target="_blank">
                          DOI
                        </a>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      ) : null}
    </section>
  );
}

/** Certainty of the evidence, as the evidence base grades it (high … very low, insufficient). */
function Grade({ grade }: { grade: string }) {
  return (
    <span className={`grade grade-${grade}`} title="Certainty of the evidence">
      {grade.replace(/-/g, ' ')}
    </span>
  );
}

function isPanelNutrient(id: string): boolean {
  return [
    'vitamin-k2',
    'vitamin-k1',
    'vitamin-d',
    'magnesium',
    'vitamin-c',
    'potassium',
    'calcium',
    'sodium',
    'epa-dha',
    'omega-3',
  ].includes(id);
}
