// An inline "are you sure?" for destructive actions: the question, a danger button and Cancel.
import { t } from './i18n';

export function ConfirmBar(props: {
  id: string;
  question: string;
  confirmTestId: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  return (
    <div className="confirm" role="alertdialog" aria-labelledby={props.id}>
      <p id={props.id}>{props.question}</p>
      <div className="row">
        <button
          type="button"
          className="danger"
          data-testid={props.confirmTestId}
          onClick={props.onConfirm}
        >
          {t('savedDeleteYes')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('savedCancel')}
        </button>
      </div>
    </div>
  );
}
