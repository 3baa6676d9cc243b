import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { api } from '../api.js';
import type { FoodHit } from '../api-types.js';
import { useDebounced } from '../lib.js';

const PAGE = 12;

/** "12 of 48 foods", "1 food found", "No food found". */
export function searchStatus(shown: number, total: number): string {
  if (total === 0) return 'No food found';
  if (shown >= total) return `${total} ${total === 1 ? 'food' : 'foods'} found`;
  return `Showing ${shown} of ${total} foods`;
}

/**
 * Search as you type (debounced), results as a list of buttons, a page at a time with the
 * total. Arrow Down moves from the field into the results, Arrow Up/Down between them, Escape
 * back to the field. `whenEmpty` shows while nothing is typed (e.g. recent foods): Arrow Down
 * moves into its buttons, and the arrows and Escape work there as in the results.
 */
export function FoodSearch({
  label,
  onPick,
  placeholder = 'e.g. natto, kale, gouda',
  whenEmpty,
}: {
  label: string;
  onPick: (food: FoodHit) => void;
  placeholder?: string;
  whenEmpty?: ReactNode;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 200);
  const [results, setResults] = useState<FoodHit[]>([]);
  const [total, setTotal] = useState(0);
  const [note, setNote] = useState<string>();
  const [status, setStatus] = useState('');
  /** The result the keyboard moves to once it is rendered (the first of a loaded page). */
  const [focusAt, setFocusAt] = useState<number>();
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const emptyRef = useRef<HTMLDivElement>(null);
  const emptyButtons = () =>
    Array.from(emptyRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? []);

  useEffect(() => {
    if (query.length < 2) {
      setResults([]);
      setTotal(0);
      setNote(undefined);
      setStatus('');
      return;
    }
    let current = true;
    setStatus('Searching…');
    api.searchFoods(query, PAGE).then(
      (body) => {
        if (!current) return;
        setResults(body.results);
        setTotal(body.total);
        setNote(body.note);
        setStatus(searchStatus(body.results.length, body.total));
      },
      (error: Error) => current && setStatus(`Search failed: ${error.message}`),
    );
    return () => {
      current = false;
    };
  }, [query]);

  const showMore = () => {
    const shown = results.length;
    api.searchFoods(query, PAGE, shown).then(
      (body) => {
        const next = [...results, ...body.results];
        setResults(next);
        setTotal(body.total);
        setStatus(searchStatus(next.length, body.total));
        // Keep the keyboard where the new results start (focused once they are in the DOM).
        setFocusAt(shown);
      },
      (error: Error) => setStatus(`Search failed: ${error.message}`),
    );
  };

  const hitButtons = () =>
    Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button.hit') ?? []);

  useEffect(() => {
    if (focusAt === undefined) return;
    const target = hitButtons()[focusAt];
    if (!target) return;
    target.focus();
    setFocusAt(undefined);
  }, [focusAt, results]);
  const moveFocus = (from: number, step: number) => {
    const all = hitButtons();
    const next = from + step;
    if (next < 0) inputRef.current?.focus();
    else all[Math.min(next, all.length - 1)]?.focus();
  };

  return (
    <div className="food-search">
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        type="search"
        autoComplete="off"
        value={text}
        placeholder={placeholder}
        aria-describedby={`${id}-status`}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && results.length) {
            event.preventDefault();
            moveFocus(-1, 1);
          } else if (event.key === 'ArrowDown' && text.trim() === '' && emptyButtons()[0]) {
            event.preventDefault();
            emptyButtons()[0]?.focus();
          }
        }}
      />
      <p id={`${id}-status`} className="muted small" role="status" aria-live="polite">
        {status}
      </p>
      {note && results.length > 0 ? <p className="small search-note">{note}</p> : null}
      {results.length > 0 ? (
        <ul className="search-results" ref={listRef} aria-label={`${label}: results`}>
          {results.map((hit, index) => (
            <li key={hit.id}>
              <button
                type="button"
                className="hit"
                onClick={() => {
                  onPick(hit);
                  setText('');
                  setResults([]);
                  setTotal(0);
                  setNote(undefined);
                  setStatus(`${hit.name} selected`);
                  // The button goes away with the list: keep focus in the search (WCAG 2.4.3);
                  // a page that shows a form for the pick moves it on from here.
                  inputRef.current?.focus();
                }}
                onKeyDown={(event) => {
                  if (event.key === 'ArrowDown') {
                    event.preventDefault();
                    moveFocus(index, 1);
                  } else if (event.key === 'ArrowUp') {
                    event.preventDefault();
                    moveFocus(index, -1);
                  } else if (event.key === 'Escape') {
                    inputRef.current?.focus();
                  }
                }}
              >
                <span className="hit-name">{hit.name}</span>
                <span className="muted small">{hit.group}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {whenEmpty !== undefined && text.trim() === '' ? (
        <div
          ref={emptyRef}
          onKeyDown={(event) => {
            const all = emptyButtons();
            const at = all.indexOf(event.target as HTMLButtonElement);
            if (at < 0) return;
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              const next = at + (event.key === 'ArrowDown' ? 1 : -1);
              if (next < 0) inputRef.current?.focus();
              else all[Math.min(next, all.length - 1)]?.focus();
            } else if (event.key === 'Escape') {
              inputRef.current?.focus();
            }
          }}
        >
          {whenEmpty}
        </div>
      ) : null}
      {results.length > 0 && results.length < total ? (
        <button type="button" className="show-more" onClick={showMore}>
          Show {Math.min(PAGE, total - results.length)} more
        </button>
      ) : null}
    </div>
  );
}
