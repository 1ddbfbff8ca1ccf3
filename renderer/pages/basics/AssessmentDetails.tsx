import { Tag, Typography } from 'antd';
import type { AddressAssessment } from '../../../main/api/schemas';
import { useT } from '../../i18n';

/** What an address will break (F0.1): the reason, the affected features and the corps concerned. */
export function AssessmentDetails({ assessment, saved }: { assessment: AddressAssessment; saved?: boolean }) {
  const t = useT();
  return (
    <div className="wb-stack-tight" data-testid="assessment">
      <Typography.Text>{t(`basics.confirm.reason.${assessment.reason}`)}</Typography.Text>
      {assessment.affected.length > 0 && (
        <div>
          <Typography.Text type="secondary">{t(saved ? 'basics.saved.affected' : 'basics.confirm.affected')}</Typography.Text>
          <div style={{ marginTop: 4 }}>
            {assessment.affected.map((a) => (
              <Tag key={a} color="red" style={{ marginBottom: 4 }}>
                {t(`affected.${a}`)}
              </Tag>
            ))}
          </div>
        </div>
      )}
      {assessment.corpNames.length > 0 && (
        <div>
          <Typography.Text type="secondary">{t('basics.confirm.corps')}</Typography.Text>{' '}
          <Typography.Text strong>{assessment.corpNames.join('、')}</Typography.Text>
        </div>
      )}
    </div>
  );
}
