// The shared validators' problems (blueprint, schedule) in the window's language.
import { useTranslation } from 'react-i18next';
import { PROBLEM_TEXTS_EN, problemText, type Problem, type ProblemTexts } from '../../../shared/problems';
import type { Lang } from './index';
import { jaProblems } from './locales/ja-problems';

const TABLES: Record<Lang, ProblemTexts> = { en: PROBLEM_TEXTS_EN, ja: jaProblems };

export function useProblemText(): (p: Problem) => string {
  const { i18n } = useTranslation();
  const table = TABLES[i18n.language as Lang] ?? PROBLEM_TEXTS_EN;
  return (p) => problemText(p, table);
}
