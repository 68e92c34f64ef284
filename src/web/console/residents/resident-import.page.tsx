import { CheckCircleOutlined, DownloadOutlined, FileExcelOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Popconfirm, Result, Select, Space, Steps, Typography } from 'antd';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Me } from '../../../contract/auth.ts';
import type { ImportReport } from '../../../contract/ledger.ts';
import { roleAllows } from '../../../domain/access/roles.ts';
import { ImportProblems, ImportSummary } from './import-report.component.tsx';
import { download, IMPORT_MAX_BYTES, templateUrl, useImport } from './residents.resource.ts';

/** The communities where the user may import: those of their roles that carry ledger.manage. */
function communitiesOf(me: Me): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const r of me.roles) if (r.unit?.kind === 'community' && roleAllows(r.role, 'ledger.manage')) seen.set(r.unit.id, r.unit.name);
  return [...seen].map(([id, name]) => ({ id, name }));
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1_048_576) * 10) / 10} MB`;
/** A file's size, rounded up: a file just over the limit must not read as the limit itself. */
const sizeOf = (bytes: number) => (bytes < 1_048_576 ? `${Math.ceil(bytes / 1024)} KB` : `${Math.ceil((bytes / 1_048_576) * 10) / 10} MB`);

/**
 * A community's resident sheet from Excel: checked first (every problem on
 * its row and column, nothing written), then written at once, or only its
 * valid rows, or checked again after the file is fixed.
 */
export function ResidentImportPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const communities = communitiesOf(me);
  const [communityId, setCommunityId] = useState<string | undefined>(communities[0]?.id);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [templateBusy, setTemplateBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const run = useImport(communityId);

  const check = (f: File) => {
    setReport(null);
    run.reset();
    run.mutate({ file: f, mode: 'check' }, { onSuccess: setReport });
  };

  /** A file is looked at here first: a wrong type or a file over the limit is not sent at all. */
  const choose = (f: File | undefined) => {
    if (input.current) input.current.value = '';
    if (!f) return;
    setFile(f);
    setReport(null);
    run.reset();
    if (!/\.xlsx$/i.test(f.name)) return setFileError(t('ledger:import.notXlsx'));
    if (f.size > IMPORT_MAX_BYTES) return setFileError(t('ledger:import.tooLarge', { size: sizeOf(f.size), limit: megabytes(IMPORT_MAX_BYTES) }));
    setFileError(null);
    check(f);
  };

  const commit = (skipInvalid: boolean) => {
    if (!file) return;
    run.mutate({ file, mode: 'commit', skipInvalid }, { onSuccess: setReport });
  };

  const getTemplate = async () => {
    if (!communityId) return;
    setTemplateBusy(true);
    try {
      await download(templateUrl(communityId), t('ledger:import.templateName'));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setTemplateBusy(false);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    choose(e.dataTransfer.files[0]);
  };

  const crumbs = (
    <Breadcrumb
      style={{ marginBottom: 12 }}
      items={[{ key: 'list', title: <Link to="/residents">{t('ledger:nav.residents')}</Link> }, { key: 'import', title: t('ledger:import.title') }]}
    />
  );

  if (communities.length === 0) {
    return (
      <Card>
        {crumbs}
        <Result status="info" title={t('ledger:import.noCommunity')} />
      </Card>
    );
  }

  const written = report?.written ?? false;
  const step = written ? 2 : report ? 1 : 0;
  const checking = run.isPending && run.variables?.mode === 'check';
  const committing = run.isPending && run.variables?.mode === 'commit';
  const community = communities.find((c) => c.id === communityId);

  return (
    <Card>
      {crumbs}
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('ledger:import.title')}
      </Typography.Title>
      <Steps
        size="small"
        current={step}
        status={written ? 'finish' : 'process'}
        style={{ maxWidth: 720, marginBottom: 20 }}
        items={[{ title: t('ledger:import.step.choose') }, { title: t('ledger:import.step.check') }, { title: t('ledger:import.step.write') }]}
      />

      <Space wrap size={12} style={{ marginBottom: 16 }}>
        <Typography.Text>{t('ledger:import.community')}</Typography.Text>
        <Select
          value={communityId}
          onChange={(v: string) => {
            setCommunityId(v);
            setReport(null);
            run.reset();
          }}
          options={communities.map((c) => ({ value: c.id, label: c.name }))}
          style={{ minWidth: 200 }}
          disabled={run.isPending}
          data-testid="import-community"
        />
        <Button icon={<DownloadOutlined />} loading={templateBusy} onClick={() => void getTemplate()} data-testid="import-template">
          {t('ledger:import.template')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 860 }}>
        {t('ledger:import.help', { limit: megabytes(IMPORT_MAX_BYTES) })}
      </Typography.Paragraph>

      {!written && (
        <label
          onDragOver={(e) => e.preventDefault()}
          onDrop={onDrop}
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 16,
            maxWidth: 860,
            padding: '18px 20px',
            border: '1px dashed #b7c3d3',
            borderRadius: 8,
            background: '#fafbfd',
            cursor: run.isPending ? 'progress' : 'pointer',
            marginBottom: 16,
          }}
          data-testid="import-drop"
        >
          <FileExcelOutlined style={{ fontSize: 32, color: '#1d7a46' }} />
          <span style={{ flex: 1 }}>
            {file ? (
              <>
                <Typography.Text strong data-testid="import-file-name">{file.name}</Typography.Text>
                <Typography.Text type="secondary">{` · ${sizeOf(file.size)}`}</Typography.Text>
              </>
            ) : (
              <Typography.Text>{t('ledger:import.dropHere')}</Typography.Text>
            )}
          </span>
          {file && !fileError && (
            <Button icon={<ReloadOutlined />} loading={checking} disabled={committing} onClick={() => check(file)} data-testid="import-check">
              {report ? t('ledger:import.checkAgain') : t('ledger:import.check')}
            </Button>
          )}
          <Button icon={<UploadOutlined />} disabled={run.isPending} onClick={() => input.current?.click()}>
            {file ? t('ledger:import.chooseOther') : t('ledger:import.choose')}
          </Button>
          <input
            ref={input}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            style={{ display: 'none' }}
            disabled={run.isPending}
            onChange={(e) => choose(e.target.files?.[0])}
            data-testid="import-file"
          />
        </label>
      )}

      {fileError && <Alert type="error" showIcon title={fileError} style={{ maxWidth: 860, marginBottom: 16 }} data-testid="import-error" />}
      {run.isError && (
        <Alert
          type="error"
          showIcon
          title={run.error.message}
          description={run.variables?.mode === 'commit' ? t('ledger:import.nothingWritten') : undefined}
          style={{ maxWidth: 860, marginBottom: 16 }}
          data-testid="import-error"
        />
      )}
      {report && !written && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Alert
            type={report.problems.length ? 'warning' : 'success'}
            showIcon
            title={
              report.problems.length
                ? t('ledger:import.checkedWithProblems', { rows: report.rows, count: report.invalidRows })
                : t('ledger:import.checkedClean', { rows: report.rows })
            }
            description={t('ledger:import.notWrittenYet')}
            data-testid="import-check-result"
          />
          <ImportSummary report={report} />
          <Space wrap>
            {report.problems.length === 0 ? (
              <Button type="primary" loading={committing} disabled={report.valid === 0} onClick={() => commit(false)} data-testid="import-commit">
                {t('ledger:import.commit', { count: report.valid })}
              </Button>
            ) : (
              <Popconfirm
                title={t('ledger:import.skipConfirm', { count: report.valid })}
                description={t('ledger:import.skipNote', { count: report.invalidRows })}
                okText={t('common:ok')}
                cancelText={t('common:cancel')}
                onConfirm={() => commit(true)}
                disabled={report.valid === 0}
              >
                <Button type="primary" loading={committing} disabled={report.valid === 0} data-testid="import-commit-valid">
                  {t('ledger:import.commitValid', { count: report.valid })}
                </Button>
              </Popconfirm>
            )}
            {report.problems.length > 0 && (
              <Button icon={<UploadOutlined />} disabled={run.isPending} onClick={() => input.current?.click()} data-testid="import-choose-fixed">
                {t('ledger:import.chooseFixed')}
              </Button>
            )}
          </Space>
          {report.problems.length > 0 && (
            <div>
              <Typography.Title level={5}>{t('ledger:import.problemsTitle', { count: report.problems.length })}</Typography.Title>
              <ImportProblems problems={report.problems} />
            </div>
          )}
        </Space>
      )}

      {report && written && (
        <Result
          status="success"
          icon={<CheckCircleOutlined />}
          title={t('ledger:import.doneTitle', { community: community?.name ?? '' })}
          subTitle={report.invalidRows ? t('ledger:import.doneSkipped', { count: report.invalidRows }) : undefined}
          data-testid="import-done"
          extra={[
            <Link key="list" to={`/residents${communityId ? `?unitId=${communityId}` : ''}`} data-testid="import-to-list">
              <Button type="primary">{t('ledger:import.toList')}</Button>
            </Link>,
            <Button
              key="again"
              onClick={() => {
                setFile(null);
                setReport(null);
                run.reset();
              }}
            >
              {t('ledger:import.another')}
            </Button>,
          ]}
        >
          <ImportSummary report={report} />
          {report.problems.length > 0 && (
            <div style={{ marginTop: 16 }}>
              <Typography.Title level={5}>{t('ledger:import.skippedTitle', { count: report.problems.length })}</Typography.Title>
              <ImportProblems problems={report.problems} />
            </div>
          )}
        </Result>
      )}
    </Card>
  );
}
