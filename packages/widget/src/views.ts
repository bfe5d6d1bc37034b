/**
 * The views a typical page does not show — the preference center (also the dialog a pick opens),
 * the quiz and the collections — are chunks of their own, loaded when first rendered, so a page
 * with picks only never pays for them.
 */
import { Component, h, type ComponentType } from 'preact';
import { warn } from './util.js';

/**
 * A component that renders the component `load()` resolves to, with the same props, once its
 * chunk has loaded (nothing until then). A chunk that cannot be loaded is reported with a warning
 * and renders nothing; the next mount tries again.
 */
function lazy<P extends object>(name: string, load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let view: ComponentType<P> | undefined;
  let loading: Promise<unknown> | undefined;
  return class extends Component<P> {
    /** Unmounted: a late load must not re-render it. */
    unmounted?: boolean;
    override componentDidMount() {
      if (view) return;
      loading ||= load().then(
        (loaded) => (view = loaded),
        (error) => {
          loading = undefined;
          warn(`the ${name} could not be loaded (${String(error)})`);
        },
      );
      void loading.then(() => this.unmounted || this.forceUpdate());
    }
    override componentWillUnmount() {
      this.unmounted = true;
    }
    render(props: P) {
      return view ? h(view, props) : null;
    }
  };
}

/** The preference center (preferences/PreferenceCenter.tsx), loaded on first use. */
export const PreferenceCenter = lazy('preference center', () => import('./preferences/PreferenceCenter.js').then((chunk) => chunk.PreferenceCenter));

/** The preference center as a modal dialog, loaded on first use. */
export const PreferencesDialog = lazy('preference center', () => import('./preferences/PreferenceCenter.js').then((chunk) => chunk.PreferencesDialog));

/** The taste quiz (quiz/Quiz.tsx), loaded on first use. */
export const Quiz = lazy('quiz', () => import('./quiz/Quiz.js').then((chunk) => chunk.Quiz));

/** The visitor's collections (collections/Collections.tsx), loaded on first use. */
export const Collections = lazy('collections view', () => import('./collections/Collections.js').then((chunk) => chunk.Collections));
