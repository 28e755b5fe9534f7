//! The six real published tables in tests/data/real, each held to the reading a budget
//! reviewer gives it. The expectations below were written from the published tables
//! (`*.source.txt`), not from what jixiao prints.

mod common;

use jixiao::*;

fn read(name: &str) -> Document {
    let path = common::data_dir().join("real").join(format!("{name}.wordtext.txt"));
    jixiao::open(&path, &ReadOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// One indicator as a reviewer reads it: level-1, level-2 label, name, target kind, comparator,
/// value, unit, and the weight where the table gives one.
type Row<'a> = (Level1, &'a str, &'a str, TargetKind, Option<Comparator>, Option<f64>, Option<&'a str>, Option<f64>);

fn rows(t: &Table) -> Vec<Row<'_>> {
    t.indicators()
        .map(|(c, s, i)| (c.level1, s.label.as_str(), i.name.as_str(), i.target.kind, i.target.comparator, i.target.value, i.target.unit.as_deref(), i.weight))
        .collect()
}

fn assert_rows(t: &Table, expected: &[Row<'_>]) {
    let got = rows(t);
    assert_eq!(got.len(), expected.len(), "{}: indicator count", t.name);
    for (g, e) in got.iter().zip(expected) {
        assert_eq!(g, e, "{}", t.name);
    }
}

/// Every table reads without notes, and back from its own text output to the same model.
fn assert_whole(name: &str, doc: &Document) {
    assert!(doc.notes.is_empty(), "{name}: unplaced {:?}", doc.notes);
    let text = write::text::to_string(doc);
    let again = parse_str(&text, &ReadOptions::default()).unwrap();
    assert_eq!(common::without_lines(&again), common::without_lines(doc), "{name} round trip\n{text}");
}

use Comparator::*;
use Level1::*;
use TargetKind::*;

#[test]
fn nanyue_group_column_and_ascii_signs() {
    let doc = read("nanyue-2018-fupin");
    assert_whole("nanyue", &doc);
    let t = &doc.sections[0].tables[0];
    assert_eq!(t.name, "2018年市级专项扶贫资金基础设施(人大代表扶贫基地)");
    assert_eq!((t.kind, t.year), (TableKind::Target, Some(2018)));
    assert_eq!(t.objective.as_deref(), Some("为水濂村带来观光游客不少于6万人,村集体收入达6万元。"));
    assert_rows(
        t,
        &[
            (Output, "数量指标", "贫困地区旅游基础设施建设工程", Quantity, Some(Ge), Some(20.0), Some("平方米"), None),
            (Output, "数量指标", "贫困地区旅游景点开发数量( ≥**个 )", Quantity, Some(Ge), Some(4.0), Some("个"), None),
            (Output, "数量指标", "流转土地", Quantity, Some(Ge), Some(60.0), Some("亩"), None),
            (Output, "质量指标", "*贫困地区旅游基础设施建设质量达标率100%", Quantity, Some(Ge), Some(98.0), Some("%"), None),
            (Output, "时效指标", "贫困地区基础设施建设按期完成率(≥**%)", Quantity, Some(Ge), Some(95.0), Some("%"), None),
            (Output, "成本指标", "流转土地补助标准", Quantity, Some(Le), Some(475.0), Some("元/亩"), None),
            (Output, "成本指标", "景观建设成本", Quantity, Some(Le), Some(2875.0), Some("元/个"), None),
            (Output, "成本指标", "贫困地区旅游基础设施建设工程建设成本", Quantity, Some(Le), Some(3000.0), Some("元/平方米"), None),
            (Effect, "经济效益指标", "乡村旅游带动增加贫困村收入(≥**万元)", Quantity, Some(Ge), Some(6.0), Some("万元"), None),
            (Effect, "经济效益指标", "乡村旅游带动增加贫困人口收入(≥**万元)", Quantity, Some(Ge), Some(2.61), Some("万元"), None),
            (Effect, "社会效益指标", "贫困地区乡村旅游开发景点接待游客数量(≥**人)", Quantity, Some(Ge), Some(60000.0), Some("人"), None),
            (Effect, "社会效益指标", "受益建档立卡贫困人口数≥**人", Quantity, Some(Ge), Some(29.0), Some("人"), None),
            (Satisfaction, "服务对象满意度指标", "旅游行业经营主体满意度(≥**%)", Quantity, Some(Ge), Some(90.0), Some("%"), None),
            (Satisfaction, "服务对象满意度指标", "参与旅游扶贫项目贫困群众满意度(≥**%)", Quantity, Some(Ge), Some(90.0), Some("%"), None),
            (Satisfaction, "服务对象满意度指标", "旅游区居民满意度(≥**%)", Quantity, Some(Ge), Some(90.0), Some("%"), None),
            (Satisfaction, "服务对象满意度指标", "游客满意度(≥**%)", Quantity, Some(Ge), Some(90.0), Some("%"), None),
        ],
    );
    // 绩效指标 is the merged group label, not the name column; 备注 is empty on every row.
    assert!(t.indicators().all(|(_, _, i)| i.extra.is_empty()));
    let (_, _, cost) = t.indicators().nth(5).unwrap();
    assert_eq!((cost.target.value_yuan, cost.target.unit_kind), (Some(475.0), Some(UnitKind::Money)));
}

#[test]
fn jingyan_one_sheet_many_projects() {
    let doc = read("jingyan-matazhen-2023");
    assert_whole("jingyan", &doc);
    let tables = &doc.sections[0].tables;
    assert_eq!(tables.len(), 2, "two projects on one sheet are two tables");
    let (a, b) = (&tables[0], &tables[1]);
    assert_eq!((a.name.as_str(), b.name.as_str()), ("村组干部报酬", "基层组织活动经费"));
    assert_eq!(a.unit.as_deref(), Some("820001-井研县马踏镇人民政府"));
    assert_eq!(b.unit.as_deref(), Some("820001-井研县马踏镇人民政府"), "the unit is merged down over its projects");
    assert_eq!(a.budget.as_ref().and_then(|x| x.value), Some(3_309_840.0));
    assert_eq!(b.budget.as_ref().and_then(|x| x.value), Some(660_000.0));
    assert_eq!(a.objective.as_deref(), Some("按时发放村组干部报酬"));
    assert!(b.objective.as_deref().unwrap().starts_with("包括必要的办公用品费"));
    // The department's subtotal row is an amount, not an indicator.
    assert_eq!(a.subtotals.len(), 1);
    assert_eq!(a.subtotals[0].unit, "820-马踏镇部门");
    assert_eq!(a.subtotals[0].amount.as_ref().and_then(|x| x.value), Some(8_827_620.53));
    assert!(b.subtotals.is_empty());
    // Categories in any order on the sheet gather under their level-1, in order of first appearance.
    assert_rows(
        a,
        &[
            (Effect, "社会效益指标", "维护社会稳定", Quantity, Some(Ge), Some(95.0), Some("%"), Some(10.0)),
            (Effect, "经济效益指标", "促进村集体经济发展", Quantity, Some(Ge), Some(95.0), Some("%"), Some(10.0)),
            (Effect, "生态效益指标", "保护生态环境卫生", Quantity, Some(Ge), Some(95.0), Some("%"), Some(10.0)),
            (Effect, "可持续影响指标", "项目维持时效", Quantity, Some(Ge), Some(95.0), Some("%"), Some(10.0)),
            (Output, "时效指标", "维持时效", Quantity, Some(Ge), Some(1.0), Some("年"), Some(20.0)),
            (Output, "质量指标", "按时发放", Quantity, Some(Ge), Some(1.0), Some("人/年"), Some(10.0)),
            (Output, "数量指标", "村组干部230人", Quantity, Some(Ge), Some(230.0), Some("个"), Some(10.0)),
            (Satisfaction, "服务对象满意度指标", "人民群众满意度", Quantity, Some(Ge), Some(95.0), Some("%"), Some(10.0)),
        ],
    );
    assert_rows(
        b,
        &[
            (Satisfaction, "服务对象满意度指标", "辖区内群众满意度", Quantity, Some(Ge), Some(95.0), Some("%"), Some(10.0)),
            (Effect, "经济效益指标", "促进农村集体经济发展", Quantity, Some(Ge), Some(95.0), Some("%"), Some(10.0)),
            (Effect, "可持续影响指标", "经济、环境等方面可持续发展", Quantity, Some(Ge), Some(95.0), Some("%"), Some(10.0)),
            (Output, "质量指标", "保障村社区正常运转", Quantity, Some(Ge), Some(95.0), Some("%"), Some(20.0)),
            (Output, "数量指标", "行政村数量", Quantity, Some(Eq), Some(11.0), Some("个"), Some(10.0)),
        ],
    );
    // The sign came from 指标性质, written: not inferred from 指标方向性.
    let (_, _, first) = a.indicators().next().unwrap();
    assert_eq!((first.target.raw.as_str(), first.target.sign_given, first.target.comparator_inferred), ("≥95%", true, false));
    assert_eq!(first.extra.get("指标方向性").map(String::as_str), Some("正向指标"));
}

#[test]
fn qingshen_self_evaluation_with_funds_and_footer() {
    let doc = read("qingshen-fgj-2023-ziping");
    assert_whole("qingshen", &doc);
    let t = &doc.sections[0].tables[0];
    assert_eq!((t.name.as_str(), t.code.as_deref(), t.kind), ("工资性支出", Some("51000021R000000019951"), TableKind::SelfEvaluation));
    let funds = t.funds.as_ref().expect("the funds block above the indicators");
    assert_eq!(funds.label, "预算执行情况(10分)");
    let labels: Vec<&str> = funds.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["总额", "其中:财政资金", "财政专户管理资金", "单位资金", "其他资金"]);
    let total = &funds.rows[0];
    let v = |a: &Option<Amount>| a.as_ref().and_then(|a| a.value);
    assert_eq!(
        (v(&total.initial), v(&total.adjusted), v(&total.executed), v(&total.rate), v(&total.weight)),
        (Some(238.93), Some(251.89), Some(251.89), Some(100.0), Some(10.0))
    );
    assert_eq!(total.initial.as_ref().unwrap().unit.as_deref(), Some("万元"), "the unit comes from 年度预算数(万元)");
    assert!((total.executed.as_ref().unwrap().value_yuan.unwrap() - 2_518_900.0).abs() < 1e-6);
    assert!(total.score.is_none());
    assert!(total.reason.starts_with("1.预算执行率=预算执行数/调整后预算数"));
    assert_eq!(funds.rows[1].weight.as_ref().map(|a| (a.raw.as_str(), a.value)), Some(("/", None)));
    assert!(funds.rows[4].initial.is_none(), "其他资金 is empty");
    assert_rows(
        t,
        &[
            (Output, "数量指标", "发放(缴纳)覆盖率", Quantity, Some(Eq), Some(100.0), Some("%"), Some(60.0)),
            (Effect, "社会效益指标", "足额保障率(参保率)", Quantity, Some(Eq), Some(100.0), Some("%"), Some(30.0)),
        ],
    );
    for (_, _, i) in t.indicators() {
        assert_eq!((i.actual.as_ref(), i.reported_score, i.deviation.as_str()), (None, None, ""), "完成值 and 得分 are blank on the form");
    }
    // Footer rows are remarks, never indicators; no 总分 is stated.
    let remarks: Vec<(&str, &str)> = t.remarks.iter().map(|r| (r.label.as_str(), r.text.as_str())).collect();
    assert_eq!(remarks[0], ("合计", "100"));
    assert_eq!(remarks.iter().map(|r| r.0).collect::<Vec<_>>(), ["合计", "评价结论", "存在问题", "改进措施", "项目负责人:"]);
    assert_eq!(remarks[4].1, "财务负责人:");
    assert_eq!(t.total_score, None);
}

#[test]
fn dongguan_midterm_and_annual_side_by_side() {
    let doc = read("dongguan-2019-pifu");
    assert_whole("dongguan", &doc);
    let t = &doc.sections[0].tables[0];
    assert_eq!(t.name, "镇际联网路升级改造工程一期");
    assert_rows(
        t,
        &[
            (Output, "数量指标(或建筑规模指标)", "镇街补助款完成结算项目数", Quantity, Some(Eq), Some(3.0), None, None),
            (Output, "质量指标", "补助款结算误差率", Range, None, Some(-3.0), Some("%"), None),
            (Output, "时效指标(工期指标、形象进度指标)", "结算款支付及时性", Qualitative, None, None, None, None),
            (Output, "预算(或投资规模)控制指标", "年度预算执行率", Quantity, Some(Ge), Some(90.0), Some("%"), None),
            (Effect, "社会、经济、生态效益 指标", "补助款结算争议率", Quantity, Some(Eq), Some(0.0), Some("%"), None),
        ],
    );
    let levels: Vec<Level2> = t.categories[0].children.iter().map(|s| s.level2).collect();
    assert_eq!(levels, [Level2::Quantity, Level2::Quality, Level2::Timeliness, Level2::Cost]);
    assert_eq!(t.categories[1].children[0].level2, Level2::Benefit);
    let (_, _, tolerance) = t.indicators().nth(1).unwrap();
    assert_eq!(tolerance.target.upper, Some(3.0));
    // The first block is the mid-term one, kept typed on each indicator; nothing lands in extra.
    let (_, _, timely) = t.indicators().nth(2).unwrap();
    let mid = timely.midterm.as_ref().expect("a mid-term block");
    assert_eq!((mid.level2_label.as_str(), mid.name.as_str(), mid.target.raw.as_str()), ("时效指标(工期指标)", "结算款支付及时性", "及时"));
    assert!(t.indicators().all(|(_, _, i)| i.extra.is_empty() && i.midterm.is_some()));
}

#[test]
fn gxglmes_no_level3_and_the_older_four_part_form() {
    let doc = read("gxglmes-template-2021-sqb");
    assert_whole("gxglmes", &doc);
    let t = &doc.sections[0].tables[0];
    assert_rows(
        t,
        &[
            (Input, "资金到位率", "资金到位率=(实际到位资金/计划投入资金)×100%。", Quantity, Some(Ge), Some(100.0), Some("%"), Some(5.0)),
            (Input, "预算支出进度", "预算支出进度是否达到90%以上。", Quantity, Some(Ge), Some(90.0), Some("%"), Some(15.0)),
            (
                Process,
                "项目资金专项核算",
                "专项资金是否按《行政单位财务规则》和《事业单位财务规则》专款专用,专项核算。",
                Qualitative,
                None,
                None,
                None,
                Some(5.0),
            ),
        ],
    );
    // Level-2 labels of this form are not in the classic vocabularies: kept as written, flagged.
    assert!(t.categories.iter().flat_map(|c| &c.children).all(|s| s.level2 == Level2::Other));
    let (_, _, first) = t.indicators().next().unwrap();
    assert_eq!(first.extra.get("评分细则(150字内)").map(String::as_str), Some("到位率100%得5分,每少10个百分点以内扣1分,扣完为止。"));
}

#[test]
fn fengjie_cost_as_level1_with_score_brackets() {
    let doc = read("fengjie-yunwu-2023-shenpi");
    assert_whole("fengjie", &doc);
    let t = &doc.sections[0].tables[0];
    assert_eq!(t.year, Some(2023));
    assert_eq!(t.categories.len(), 1);
    let cost = &t.categories[0];
    assert_eq!((cost.level1, cost.label.as_str()), (Cost, "成本指标(0-20)分"));
    let subs: Vec<(Level2, usize)> = cost.children.iter().map(|s| (s.level2, s.indicators.len())).collect();
    assert_eq!(subs, [(Level2::EconomicCost, 1), (Level2::SocialCost, 0), (Level2::EcologicalCost, 0)], "skeleton categories stay");
    assert_rows(t, &[(Cost, "经济成本指标", "项目建设成本", Quantity, Some(Le), Some(65.0), Some("万元"), Some(10.0))]);
}
