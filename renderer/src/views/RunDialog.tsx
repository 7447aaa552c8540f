// Run a scenario: a form built from its interface inputs, or a JSON editor when it has none.
// What the user types is kept in the UI store (drafts), so closing, errors and re-opening lose nothing.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioKey } from '../../../shared/domain';
import type { InterfaceParam } from '../bridge/contract-types';
import { useEngine, useServices, useUi } from '../app-context';
import { Dialog } from '../components/Dialog';
import { ErrorNote } from '../components/ErrorNote';
import { act, errorPlace, type RunDraft } from '../store/ui-store';
import { buildInputData, checkJsonInput, initialValue, inputKind, type FieldProblem, type FieldValue } from './run-form';

const EMPTY_DRAFT: RunDraft = { json: '', fields: {} };

export function RunDialog() {
  const key = useUi((s) => s.runFor);
  if (!key) return null;
  return <RunDialogFor key={key} scenarioKey={key} />;
}

type Inputs = { state: 'loading' } | { state: 'ready'; params: InterfaceParam[] };

function RunDialogFor({ scenarioKey }: { scenarioKey: ScenarioKey }) {
  const { t } = useTranslation();
  const { api, ui } = useServices();
  const scenario = useEngine((m) => m.engine.scenarios[scenarioKey]);
  const draft = useUi((s) => s.drafts[scenarioKey] ?? EMPTY_DRAFT);
  const place = errorPlace(scenarioKey, 'run');
  const busy = useUi((s) => place in s.busy);
  const [inputs, setInputs] = useState<Inputs>({ state: 'loading' });
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [executionId, setExecutionId] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const formId = useId();

  useEffect(() => {
    let live = true;
    void act(ui, errorPlace(scenarioKey, 'details'), () => api.details(scenarioKey)).then((d) => {
      if (live) setInputs({ state: 'ready', params: d?.inputs ?? [] });
    });
    return () => {
      live = false;
    };
  }, [api, ui, scenarioKey]);

  if (!scenario) return null;
  const close = () => ui.getState().openRun(null);
  const setDraft = (d: Partial<RunDraft>) => ui.getState().setDraft(scenarioKey, { ...draft, ...d });
  const params = inputs.state === 'ready' ? inputs.params : [];
  const useForm = params.length > 0;
  const json = checkJsonInput(draft.json);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let data: Record<string, unknown> | null;
    if (useForm) {
      const built = buildInputData(params, draft.fields);
      setProblems(built.problems);
      if (built.problems.length > 0) return;
      data = built.data;
    } else {
      if (!json.ok) return;
      data = json.data;
    }
    setSubmitted(false);
    setExecutionId(null);
    const reply = await act(ui, place, () => api.run(scenarioKey, data));
    if (reply) {
      setSubmitted(true);
      setExecutionId(reply.executionId);
    }
  };

  const problemText = (p: FieldProblem) =>
    t(p.kind === 'required' ? 'run.fieldRequired' : p.kind === 'number' ? 'run.fieldNumber' : 'run.fieldJson', { field: labelOf(params, p.field) });

  return (
    <Dialog title={t('run.title', { name: scenario.name })} onClose={close} testId="run-dialog">
      <form id={formId} onSubmit={submit} noValidate>
        {!scenario.isActive && <p className="notice">{t('run.inactive')}</p>}
        {inputs.state === 'loading' ? (
          <p className="muted skeleton-text">{t('run.loadingInterface')}</p>
        ) : useForm ? (
          <fieldset className="run-fields">
            <legend>{t('run.inputs')}</legend>
            {params.map((p) => (
              <ParamField
                key={p.name}
                param={p}
                value={initialValue(p, draft.fields[p.name])}
                problem={problems.find((x) => x.field === p.name)}
                problemText={problemText}
                onChange={(v) => setDraft({ fields: { ...draft.fields, [p.name]: v } })}
              />
            ))}
          </fieldset>
        ) : (
          <div className="field">
            <label htmlFor={`${formId}-json`}>{t('run.jsonLabel')}</label>
            <textarea
              id={`${formId}-json`}
              className="code"
              rows={8}
              spellCheck={false}
              value={draft.json}
              placeholder='{"key": "value"}'
              aria-invalid={!json.ok}
              aria-describedby={`${formId}-json-hint`}
              onChange={(e) => setDraft({ json: e.target.value })}
              data-testid="run-json"
              data-autofocus
            />
            <p id={`${formId}-json-hint`} className={json.ok ? 'hint' : 'field-error'} aria-live="polite" data-testid="run-json-status">
              {json.ok
                ? t('run.jsonHint')
                : json.reason === 'syntax'
                  ? t('run.jsonInvalid', { reason: json.detail })
                  : t('run.jsonNotObject')}
            </p>
          </div>
        )}
        <ErrorNote place={errorPlace(scenarioKey, 'details')} />
        <ErrorNote place={place} />
        <RunOutcome scenarioKey={scenarioKey} executionId={executionId} submitted={submitted} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={close}>
            {t('app.close')}
          </button>
          <button
            type="submit"
            className="btn primary"
            disabled={busy || inputs.state === 'loading' || (!useForm && !json.ok)}
            data-testid="run-submit"
          >
            {busy ? t('run.starting') : t('run.start')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function labelOf(params: InterfaceParam[], name: string): string {
  const p = params.find((x) => x.name === name);
  return p?.label || name;
}

interface FieldProps {
  param: InterfaceParam;
  value: FieldValue;
  problem: FieldProblem | undefined;
  problemText: (p: FieldProblem) => string;
  onChange: (v: FieldValue) => void;
}

function ParamField({ param: p, value, problem, problemText, onChange }: FieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const kind = inputKind(p);
  const label = p.label || p.name;
  const common = {
    id,
    name: p.name,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': problem ? `${id}-err` : undefined,
    'aria-required': p.required || undefined,
    'data-testid': `run-field-${p.name}`,
  } as const;
  const text = typeof value === 'string' ? value : '';
  const labelEl = (
    <label htmlFor={id}>
      {label}
      {p.required && <span className="req"> ({t('run.required')})</span>}
    </label>
  );
  let control;
  switch (kind) {
    case 'boolean':
      return (
        <div className="field field-check">
          <input type="checkbox" {...common} checked={value === true} onChange={(e) => onChange(e.target.checked)} />
          {labelEl}
        </div>
      );
    case 'select':
      control = (
        <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="" />
          {(p.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label || o.value}
            </option>
          ))}
        </select>
      );
      break;
    case 'textarea':
    case 'json':
      control = <textarea {...common} className={kind === 'json' ? 'code' : undefined} rows={kind === 'json' ? 5 : 3} value={text} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'number':
      control = <input {...common} type="text" inputMode="decimal" value={text} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'date':
      control = <input {...common} type="datetime-local" value={text} onChange={(e) => onChange(e.target.value)} />;
      break;
    default:
      control = <input {...common} type="text" value={text} onChange={(e) => onChange(e.target.value)} />;
  }
  return (
    <div className="field">
      {labelEl}
      {control}
      {problem && (
        <p id={`${id}-err`} className="field-error">
          {problemText(problem)}
        </p>
      )}
    </div>
  );
}

/** The run's outcome, followed live from run.progress events and the scenario's recent runs. */
function RunOutcome({ scenarioKey, executionId, submitted }: { scenarioKey: ScenarioKey; executionId: string | null; submitted: boolean }) {
  const { t } = useTranslation();
  const progress = useEngine((m) => m.progress[scenarioKey]);
  const run = useEngine((m) => (executionId ? m.engine.scenarios[scenarioKey]?.recentRuns.find((r) => r.id === executionId) : undefined));
  if (!submitted) return <div role="status" aria-live="polite" data-testid="run-outcome" />;
  const matching = progress && progress.executionId === executionId ? progress : undefined;
  let status: 'running' | 1 | 2 | 3 = 'running';
  let message: string | null = null;
  if (run && run.status !== 'running') {
    status = run.status;
    message = run.errorMessage;
  } else if (matching && matching.status !== 'running') {
    status = matching.status;
    message = matching.errorMessage;
  }
  const text = status === 'running' ? t('run.running') : status === 1 ? t('run.succeeded') : status === 2 ? t('run.warning') : t('run.failed');
  const cls = status === 3 ? 'outcome bad' : status === 2 ? 'outcome warn' : status === 1 ? 'outcome good' : 'outcome';
  return (
    <div role="status" aria-live="polite" className={cls} data-testid="run-outcome" data-status={String(status)}>
      <p>{text}</p>
      {message && <p className="error-text">{message}</p>}
    </div>
  );
}
