import { describe, expect, it } from 'vitest';
import { checkCharacter } from './citizen-id.ts';
import { checkResidentRows, mapResidentColumns, parseCategories } from './resident-sheet.ts';

const id = (birth: string, seq: string) => {
  const first17 = `430211${birth}${seq}`;
  return first17 + checkCharacter(first17);
};
const groups = new Map([['大海组', 'g-dahai'], ['草坪组', 'g-caoping']]);
const header = ['姓名', '身份证号', '联系电话', '居民小组', '门牌号', '与户主关系', '人员类别', '备注'];

describe('the resident sheet', () => {
  it('maps the template columns and the usual variants', () => {
    expect(mapResidentColumns(header).missing).toEqual([]);
    const variant = mapResidentColumns(['姓名', '公民身份号码', '手机', '小组', '住址', '关系']);
    expect(variant.missing).toEqual([]);
    expect(variant.columns['联系电话']).toBe(2);
    expect(mapResidentColumns(['姓名', '电话']).missing).toEqual(['身份证号', '居民小组', '门牌号', '与户主关系']);
  });

  it('reads categories, with the disability level, and ignores the derived 65+', () => {
    expect(parseCategories('独居、残疾人(二级)；返乡 老年人')).toEqual({
      categories: [{ category: 'living_alone' }, { category: 'disabled', level: 2 }, { category: 'returnee' }],
      unknown: [],
    });
    expect(parseCategories('密接').unknown).toEqual(['密接']);
  });

  it('turns good rows into records and reports every bad cell with its row', () => {
    const { columns } = mapResidentColumns(header);
    const zhang = id('19500307', '123');
    const { rows, problems } = checkResidentRows(
      [
        ['张树根', zhang, '138 1234 5678', '草坪组', '12号', '户主', '残疾人(三级)', '开理发店'],
        ['王五', id('19600101', '031'), '0731-85551234', '大海组', '7号', '户主', '', ''],
        ['', '', '12345', '黄泥组', '', '表亲', '密接', ''],
        ['张树根', zhang, '', '草坪组', '12号', '户主', '', ''],
        ['', '', '', '', '', '', '', ''],
        ['李四', id('19900230', '002'), '', '大海组', '3号', '妻', '', ''],
      ],
      columns,
      { today: '2020-02-13', groups },
    );
    expect(rows).toEqual([
      {
        row: 2, name: '张树根', idNumber: zhang, birthDate: '1950-03-07', sex: 'male', phone: '13812345678', groupId: 'g-caoping',
        houseNo: '12号', relation: 'head', categories: [{ category: 'disabled', level: 3 }], note: '开理发店',
      },
      expect.objectContaining({ row: 3, name: '王五', phone: '0731-85551234' }),
    ]);
    expect(problems.map((p) => [p.row, p.column, p.key])).toEqual([
      [4, '姓名', 'validation.required'],
      [4, '身份证号', 'validation.required'],
      [4, '联系电话', 'validation.phone'],
      [4, '居民小组', 'validation.unknownGroup'],
      [4, '门牌号', 'validation.required'],
      [4, '与户主关系', 'validation.unknownRelation'],
      [4, '人员类别', 'validation.unknownCategory'],
      [5, '身份证号', 'validation.duplicateIdInFile'],
      [7, '身份证号', 'validation.idBirthDate'],
    ]);
  });
});

describe('writing the sheet', () => {
  it('writes relations and categories in words that read back the same', async () => {
    const { relationWord, categoryWords, RELATIONS: all } = await import('./resident-sheet.ts');
    const { columns } = mapResidentColumns(header);
    for (const relation of all) {
      for (const [sex, seq] of [['male', '011'], ['female', '022']] as const) {
        const cells = [['某人', id('19800101', seq), '', '大海组', '1号', relationWord(relation, sex), categoryWords([{ category: 'disabled', level: 2 }, { category: 'returnee' }]), '']];
        const { rows } = checkResidentRows(cells, columns, { today: '2020-02-13', groups });
        expect(rows[0]).toMatchObject({ relation, sex, categories: [{ category: 'disabled', level: 2 }, { category: 'returnee' }] });
      }
    }
  });
});
