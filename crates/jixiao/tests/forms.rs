//! The forms the real corpus here has no sample of, built from the layouts in DOMAIN.md:
//! a department-wide table (年度履职目标 block, under a part heading that says 整体), a monitoring
//! table (layout E) and a self-evaluation (layout D, with its funds block and a 总分 row).
//! Expectations are read off the fixtures by hand.

mod common;

use jixiao::*;

fn read(name: &str) -> Document {
    let doc = jixiao::open(common::data_dir().join(name), &ReadOptions::default()).unwrap();
    assert!(doc.notes.is_empty(), "{name}: unplaced {:?}", doc.notes);
    let again = parse_str(&write::text::to_string(&doc), &ReadOptions::default()).unwrap();
    assert_eq!(common::without_lines(&again), common::without_lines(&doc), "{name}: text round trip");
    doc
}

#[test]
fn department_wide_table_under_a_whole_department_heading() {
    let doc = read("department-wide-2023.txt");
    assert!(doc.overview.is_none(), "a part that says 整体 but holds a table is not prose");
    let s = &doc.sections[0];
    assert_eq!((s.number, s.kind), (Some(1), SectionKind::DepartmentWide));
    let t = &s.tables[0];
    assert_eq!((t.kind, t.year), (TableKind::DepartmentWide, Some(2023)));
    assert_eq!(t.objective.as_deref(), Some("统筹推进全县经济社会发展规划实施，完成年度重点项目投资任务，保障机关正常运转。"));
    let duties: Vec<(&str, &str, &str, Option<f64>)> =
        t.duties.iter().map(|d| (d.function.as_str(), d.task.as_str(), d.project.as_str(), d.budget.as_ref().and_then(|b| b.value))).collect();
    assert_eq!(
        duties,
        [
            ("规划编制与实施", "完成“十四五”规划中期评估", "规划编制工作经费", Some(35.0)),
            ("规划编制与实施", "开展年度经济运行监测", "经济运行监测经费", Some(12.5)),
            ("项目投资管理", "完成年度重点项目投资120亿元", "重点项目推进经费", Some(80.0)),
            ("机关运行保障", "保障机关正常运转", "工资性支出", Some(251.89)),
        ]
    );
    assert_eq!(t.duties[3].budget.as_ref().and_then(|b| b.value_yuan), Some(2_518_900.0), "预算金额(万元)");
    assert_eq!(t.indicators().count(), 7);
    let (_, _, deadline) = t.indicators().nth(3).unwrap();
    assert_eq!(deadline.target.kind, TargetKind::Deadline);
    assert_eq!(deadline.target.date, Some(Date { year: Some(2023), month: Some(12), day: None }));
}

#[test]
fn monitoring_table_progress_expected_likelihood() {
    let doc = read("monitoring-2023.txt");
    let t = &doc.sections[0].tables[0];
    assert_eq!(t.kind, TableKind::Monitoring);
    type Progress<'a> = (&'a str, Option<&'a str>, Option<f64>, Option<Likelihood>, &'a str);
    let got: Vec<Progress<'_>> = t
        .indicators()
        .map(|(_, _, i)| {
            (i.name.as_str(), i.progress.as_ref().map(|p| p.raw.as_str()), i.expected.as_ref().and_then(|e| e.value), i.likelihood, i.deviation.as_str())
        })
        .collect();
    use Likelihood::*;
    assert_eq!(
        got,
        [
            ("日常养护里程", Some("160公里"), Some(300.0), Some(Certain), ""),
            ("路况优良率", Some("80%"), Some(83.0), Some(Possible), "雨季水毁较多，优良率低于预期"),
            ("养护任务完成时间", Some("按计划推进"), None, Some(Certain), ""),
            ("每公里养护成本", Some("0.5万元/公里"), Some(0.95), Some(Impossible), "材料价格上涨"),
            ("群众出行条件", Some("有所改善"), None, Some(Certain), ""),
            ("沿线群众满意度", None, Some(92.0), Some(Possible), ""),
        ]
    );
    let (_, _, last) = t.indicators().last().unwrap();
    assert_eq!(last.extra.get("备注").map(String::as_str), Some("部分路段施工"));
    let (_, _, cost) = t.indicators().nth(3).unwrap();
    assert_eq!(cost.expected.as_ref().and_then(|e| e.value_yuan), Some(9500.0));
}

#[test]
fn self_evaluation_layout_d() {
    let doc = read("selfeval-2023.txt");
    let t = &doc.sections[0].tables[0];
    assert_eq!(t.kind, TableKind::SelfEvaluation);
    assert_eq!((t.total_score, t.grade.as_deref()), (Some(98.06), Some("优")));
    assert_eq!(t.remarks.iter().map(|r| (r.label.as_str(), r.text.as_str())).collect::<Vec<_>>(), [("评价结论", "项目总体完成较好。")]);
    let funds = t.funds.as_ref().unwrap();
    assert_eq!(funds.label, "项目资金（万元）");
    let total = &funds.rows[0];
    let v = |a: &Option<Amount>| a.as_ref().and_then(|a| a.value);
    assert_eq!(total.label, "年度资金总额");
    assert_eq!(
        (v(&total.initial), v(&total.adjusted), v(&total.executed), v(&total.weight), v(&total.rate), v(&total.score)),
        (Some(100.0), Some(120.0), Some(110.0), Some(10.0), Some(91.67), Some(9.17))
    );
    assert_eq!(funds.rows[1].weight.as_ref().map(|a| (a.raw.as_str(), a.value)), Some(("—", None)));
    let got: Vec<(&str, f64, Option<f64>, Option<f64>)> =
        t.indicators().map(|(_, _, i)| (i.name.as_str(), i.actual.as_ref().and_then(|a| a.value).unwrap(), i.weight, i.reported_score)).collect();
    assert_eq!(
        got,
        [
            ("职业技能培训人次", 1620.0, Some(25.0), Some(25.0)),
            ("培训合格率", 86.0, Some(25.0), Some(23.89)),
            ("城镇新增就业人数", 2150.0, Some(30.0), Some(30.0)),
            ("参训学员满意度", 95.0, Some(10.0), Some(10.0)),
        ]
    );
    let (_, _, short) = t.indicators().nth(1).unwrap();
    assert_eq!(short.deviation, "部分学员未参加考核，下年加强过程管理");
    assert_eq!(t.categories.iter().map(|c| c.level1).collect::<Vec<_>>(), [Level1::Output, Level1::Effect, Level1::Satisfaction]);
}

/// The qingshen funds block with its header in two rows, as the printed form has it:
/// `年度预算数(万元)` merged over 年初预算 | 调整后预算数 | 预算执行数.
#[test]
fn funds_block_with_a_two_row_header() {
    let path = common::data_dir().join("real/qingshen-fgj-2023-ziping.wordtext.txt");
    let one_row = std::fs::read_to_string(&path).unwrap();
    let header = "\t预算执行情况(10分)\n\t年度预算数(万元)\n\t年初预算\n\t调整后预算数\n\t预算执行数\n\t预算执行率\n\t权重\n\t得分\n\t原因\n";
    assert!(one_row.contains(header));
    let upper = ["预算执行情况(10分)", "", "年度预算数(万元)", "预算执行率", "权重", "得分", "原因"];
    let lower = ["", "", "年初预算", "调整后预算数", "预算执行数", "", "", "", ""];
    let two_rows =
        format!("{}\n{}", upper.iter().map(|c| format!("\t{c}\n")).collect::<String>(), lower.iter().map(|c| format!("\t{c}\n")).collect::<String>());
    let doc = parse_str(&one_row.replace(header, &two_rows), &ReadOptions::default()).unwrap();
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
    let funds = doc.sections[0].tables[0].funds.as_ref().unwrap();
    assert_eq!(funds.columns[2], "年度预算数(万元)/年初预算");
    let expected = jixiao::open(&path, &ReadOptions::default()).unwrap();
    let strip = |f: &Funds| f.rows.iter().map(|r| FundsRow { location: Location::line(0), ..r.clone() }).collect::<Vec<_>>();
    assert_eq!(strip(funds), strip(expected.sections[0].tables[0].funds.as_ref().unwrap()));
    let again = parse_str(&write::text::to_string(&doc), &ReadOptions::default()).unwrap();
    assert_eq!(common::without_lines(&again), common::without_lines(&doc));
}

/// A 完成时间 column exported from a spreadsheet holds serial days, not quantities.
#[test]
fn a_date_column_holding_serial_days() {
    let text = "第三部分  预算项目绩效目标\n\n1、道路维修项目绩效目标表\n\t一级指标\n\t二级指标\n\t三级指标\n\t完成时间\n\n\t产出指标\n\t时效指标\n\t维修完成时间\n\t45291\n\n\t\n\t\n\t开工时间\n\t2023年3月底前\n";
    let doc = parse_str(text, &ReadOptions::default()).unwrap();
    let t = &doc.sections[0].tables[0];
    let got: Vec<(&str, TargetKind, Option<Date>)> = t.indicators().map(|(_, _, i)| (i.target.raw.as_str(), i.target.kind, i.target.date)).collect();
    assert_eq!(
        got,
        [
            ("45291", TargetKind::Deadline, Some(Date { year: Some(2023), month: Some(12), day: Some(31) })),
            ("2023年3月底前", TargetKind::Deadline, Some(Date { year: Some(2023), month: Some(3), day: None })),
        ]
    );
    assert_eq!(Target::parse("45291").kind, TargetKind::Quantity, "outside a date column a number stays a number");
}

/// An indicator that names a time, whose 指标值 an export left as a serial day (`=` | `44,561`,
/// with the number again in the unit cell): a deadline. A number of days that is no day of
/// 2010–2040 stays a number.
#[test]
fn a_time_indicator_holding_a_serial_day() {
    let text = "1、某项目绩效目标表\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标方向\n\t目标值\n\t计量单位\n\n\t产出指标\n\t时效指标\n\t资金到位时间\n\t=\n\t44,561\n\t44,561\n\n\t\n\t\n\t完成时间\n\t≤\n\t44926\n\t\n\n\t\n\t\n\t平均办理时间\n\t=\n\t40000\n\t\n";
    let doc = parse_str(text, &ReadOptions::default()).unwrap();
    let t = &doc.sections[0].tables[0];
    let got: Vec<(&str, TargetKind, Option<Date>)> = t.indicators().map(|(_, _, i)| (i.target.raw.as_str(), i.target.kind, i.target.date)).collect();
    assert_eq!(
        got,
        [
            ("=44,561", TargetKind::Deadline, Some(Date { year: Some(2021), month: Some(12), day: Some(31) })),
            ("≤44926", TargetKind::Deadline, Some(Date { year: Some(2022), month: Some(12), day: Some(31) })),
            ("=40000", TargetKind::Quantity, None),
        ]
    );
}

/// Jiangsu's form: a half-year milestone column before the year's value. The year's value is the
/// target; the milestone is kept in extra under its label.
#[test]
fn a_half_year_milestone_beside_the_years_target() {
    let text = "1、某项目绩效目标表\n\t一级指标\n\t二级指标\n\t三级指标\n\t半年(程) 指标值\n\t全年(程) 指标值\n\n\t产出指标\n\t数量指标\n\t培训人数\n\t≥5人\n\t≥10人\n";
    let doc = parse_str(text, &ReadOptions::default()).unwrap();
    let (_, _, i) = doc.sections[0].tables[0].indicators().next().unwrap();
    assert_eq!(i.target.raw, "≥10人");
    assert_eq!(i.extra.get("半年(程) 指标值").map(String::as_str), Some("≥5人"));
}

/// An indicator whose name ends like a footer label (…负责人) is still an indicator; the footer's
/// label stands in the row's first cell.
#[test]
fn footer_words_in_a_name_are_a_name() {
    let text = "第三部分  预算项目绩效目标\n\n1、河长制项目绩效目标表\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n\t产出指标\n\t数量指标\n\t巡河人次\n\t≥100次\n\n\t\n\t\n\t落实河段负责人\n\t100%\n\n\t合计\n\t\n";
    let doc = parse_str(text, &ReadOptions::default()).unwrap();
    let t = &doc.sections[0].tables[0];
    assert_eq!(t.indicators().map(|(_, _, i)| i.name.as_str()).collect::<Vec<_>>(), ["巡河人次", "落实河段负责人"]);
    assert_eq!(t.remarks.iter().map(|r| r.label.as_str()).collect::<Vec<_>>(), ["合计"]);
}

/// Weights and scores written with decimals or a unit are numbers too, and print back as written.
#[test]
fn weights_as_written() {
    let text = "第三部分  预算项目绩效目标\n\n1、某项目绩效自评表\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\t实际完成值\n\t分值\n\t得分\n\n\t产出指标\n\t数量指标\n\t培训人次\n\t≥100次\n\t120次\n\t10.00\n\t9.5分\n\n\t\n\t\n\t合格率\n\t≥90%\n\t95%\n\t20\n\t/\n";
    let doc = parse_str(text, &ReadOptions::default()).unwrap();
    let t = &doc.sections[0].tables[0];
    let got: Vec<(Option<f64>, Option<f64>)> = t.indicators().map(|(_, _, i)| (i.weight, i.reported_score)).collect();
    assert_eq!(got, [(Some(10.0), Some(9.5)), (Some(20.0), None)]);
    let (_, _, second) = t.indicators().nth(1).unwrap();
    assert_eq!(second.extra.get("得分").map(String::as_str), Some("/"), "a score that is not a number is kept as written");
    let written = write::text::to_string(&doc);
    assert!(written.contains("\t10.00\n\t9.5分\n"), "{written}");
    assert_eq!(common::without_lines(&parse_str(&written, &ReadOptions::default()).unwrap()), common::without_lines(&doc));
}

/// Blocks above the header in any order: duties survive a funds block after them; a second funds
/// block has no place in the model and is kept as notes, cell by cell.
#[test]
fn blocks_in_any_order_lose_nothing() {
    let rows: &[&[&str]] = &[
        &["部门职能", "年度目标任务", "支出项目名称", "预算金额"],
        &["规划", "完成评估", "规划经费", "35"],
        &["年初预算数", "全年预算数", "全年执行数", "执行率"],
        &["100", "120", "110", "91.67%"],
        &["年初预算数", "全年预算数", "全年执行数", "执行率"],
        &["5", "6", "7", "8%"],
        &["一级指标", "二级指标", "三级指标", "指标值"],
        &["产出指标", "数量指标", "评估报告", "≥1份"],
    ];
    let text = common::text_save("第一部分  部门整体支出绩效目标\n\n1、某局部门整体支出绩效目标表\n", rows);
    let doc = parse_str(&text, &ReadOptions::default()).unwrap();
    let t = &doc.sections[0].tables[0];
    assert_eq!(t.duties.len(), 1);
    assert_eq!(t.funds.as_ref().map(|f| f.rows.len()), Some(1));
    let notes: Vec<&str> = doc.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(notes, ["年初预算数", "全年预算数", "全年执行数", "执行率", "5", "6", "7", "8%"]);
}

/// An evaluation indicator system (评价指标体系: 决策 / 过程 / 产出 / 效益, 权重, 指标解释,
/// 评(扣)分标准) and a monitoring table whose target column is headed 指标值及单位, with no 三级
/// column (指标内容 names the indicator), skeleton rows holding only 质量 / 时效 and signature
/// footers. Expectations read off the fixture by hand.
#[test]
fn evaluation_system_and_monitoring_with_header_words() {
    let doc = read("evaluation-and-monitoring-2023.txt");
    let [system, monitoring] = &doc.sections[0].tables[..] else { panic!("two tables") };
    // An evaluation's table, by its title, as its score sheet is.
    assert_eq!((system.number, system.name.as_str(), system.kind), (Some(1), "2023年某县农村饮水安全项目", TableKind::SelfEvaluation));
    use Level1::*;
    use Level2::Other as L2Other;
    type Children<'a> = Vec<(Level2, &'a str, usize)>;
    let categories: Vec<(Level1, &str, Children<'_>)> = system
        .categories
        .iter()
        .map(|c| (c.level1, c.label.as_str(), c.children.iter().map(|s| (s.level2, s.label.as_str(), s.indicators.len())).collect()))
        .collect();
    assert_eq!(
        categories,
        [
            (Decision, "决策（20分）", vec![(L2Other, "项目立项", 2), (L2Other, "绩效目标", 2)]),
            (Process, "过程（20分）", vec![(L2Other, "资金管理", 3), (L2Other, "组织实施", 1)]),
            (
                Output,
                "产出（40分）",
                vec![(Level2::Quantity, "产出数量", 1), (Level2::Quality, "产出质量", 1), (Level2::Timeliness, "产出时效", 1), (Level2::Cost, "产出成本", 1)]
            ),
            (Effect, "效益（20分）", vec![(Level2::Benefit, "项目效益", 3)]),
        ]
    );
    let weights: Vec<f64> = system.indicators().filter_map(|(_, _, i)| i.weight).collect();
    assert_eq!(weights, [5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 10.0, 10.0, 10.0, 10.0, 10.0, 5.0, 5.0]);
    let (_, _, first) = system.indicators().next().unwrap();
    assert_eq!(first.name, "立项依据充分性");
    assert_eq!(first.description, "项目立项是否符合法律法规、相关政策和部门职责");
    assert_eq!(first.extra.get("评(扣)分标准").map(String::as_str), Some("依据充分得5分，每发现一处不符扣1分"), "scoring criteria are not the target");
    assert!(system.indicators().all(|(_, _, i)| i.target.raw.is_empty()));
    let remarks = |t: &Table| t.remarks.iter().map(|r| (r.label.clone(), r.text.clone())).collect::<Vec<_>>();
    assert_eq!(
        remarks(system),
        [
            ("合计".to_owned(), "100".to_owned()),
            ("填报人：李四".to_owned(), "联系电话：0833-1234567".to_owned()),
            ("填报日期：2023年12月20日".to_owned(), String::new())
        ]
    );

    assert_eq!((monitoring.kind, monitoring.objective.as_deref()), (TableKind::Monitoring, Some("完成12公里供水管网改造，保障8000人饮水安全。")));
    type Row<'a> = (Level2, &'a str, &'a str, Option<&'a str>, Option<Likelihood>, &'a str);
    let rows: Vec<Row<'_>> = monitoring
        .indicators()
        .map(|(_, s, i)| (s.level2, i.name.as_str(), i.target.raw.as_str(), i.progress.as_ref().map(|p| p.raw.as_str()), i.likelihood, i.deviation.as_str()))
        .collect();
    use Likelihood::*;
    assert_eq!(
        rows,
        [
            (Level2::Quantity, "改造供水管网长度", "≥12公里", Some("6公里"), Some(Certain), ""),
            (Level2::Cost, "工程投资控制", "≤480万元", Some("210万元"), Some(Certain), ""),
            (Level2::SocialBenefit, "受益人口", "≥8000人", Some("4000人"), Some(Possible), "部分村组管网未通水"),
            (Level2::ServiceSatisfaction, "受益群众满意度", "≥90%", None, Some(Certain), ""),
        ]
    );
    let (_, _, length) = monitoring.indicators().next().unwrap();
    assert_eq!((length.target.value, length.target.unit.as_deref()), (Some(12.0), Some("公里")), "指标值及单位 holds the unit");
    let skeleton: Vec<(Level2, &str)> =
        monitoring.categories[0].children.iter().filter(|s| s.indicators.is_empty()).map(|s| (s.level2, s.label.as_str())).collect();
    assert_eq!(skeleton, [(Level2::Quality, "质量"), (Level2::Timeliness, "时效")]);
    assert_eq!(remarks(monitoring), [("项目负责人:张三".to_owned(), String::new()), ("单位负责人（签章）：".to_owned(), "审核人 王五".to_owned())]);
    // Every column is known, the table has its target column, and the evaluation system is not
    // asked for targets it does not set.
    let findings = review::review(&doc, &review::ReviewConfig::new());
    let rules: Vec<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
    assert!(!rules.iter().any(|r| matches!(*r, "unknown-column" | "no-target-column" | "empty-target" | "unknown-category")), "{rules:?}");
}

/// Skeleton rows hold a category word and nothing else; a bare word that is no category label
/// (`满意度` under 满意度指标) still names an indicator, and a signature in the name column is a footer.
#[test]
fn skeleton_rows_and_signatures_in_any_column() {
    let rows: &[&[&str]] = &[
        &["一级指标", "二级指标", "三级指标", "指标值"],
        &["产出指标", "数量指标", "培训人数", "≥10人"],
        &["", "", "质量指标", ""],
        &["", "时效", "", ""],
        &["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"],
        &["", "", "满意度", ""],
        &["", "", "填报人：李四", "2023年7月1日"],
    ];
    let mut text = "第三部分  预算项目绩效目标\n\n1、培训项目绩效目标表\n".to_owned();
    for r in rows {
        r.iter().for_each(|c| text.push_str(&format!("\t{c}\n")));
        text.push('\n');
    }
    let doc = parse_str(&text, &ReadOptions::default()).unwrap();
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
    let t = &doc.sections[0].tables[0];
    type Subs<'a> = Vec<(&'a str, Vec<&'a str>)>;
    let tree: Vec<(&str, Subs<'_>)> = t
        .categories
        .iter()
        .map(|c| (c.label.as_str(), c.children.iter().map(|s| (s.label.as_str(), s.indicators.iter().map(|i| i.name.as_str()).collect())).collect()))
        .collect();
    assert_eq!(
        tree,
        [
            ("产出指标", vec![("数量指标", vec!["培训人数"]), ("质量指标", vec![]), ("时效", vec![])]),
            ("满意度指标", vec![("服务对象满意度指标", vec!["学员满意度", "满意度"])]),
        ]
    );
    assert_eq!(t.remarks.iter().map(|r| (r.label.as_str(), r.text.as_str())).collect::<Vec<_>>(), [("填报人：李四", "2023年7月1日")]);
}

/// 满意度 written as a level-2 under 效益 (the 2015 transfer form) is the satisfaction level-1 a
/// reviewer counts, kept under the 一级 label as written: `misplaced-category` still says where
/// it stood, the text save reads back the same; a weight written only inside a name is the row's,
/// and a level-2 label wrapped over two paragraphs is one label.
#[test]
fn satisfaction_under_effect_weights_in_names_and_wrapped_labels() {
    let text = "第三部分  预算项目绩效目标\n\n1、某补助资金绩效目标表\n\t一级指标\n\t二级指标\n\t指标内容\n\t指标值\n\n\
                \t产出指标\n\t数量指标\n\t改造学校数(5分)\n\t3所\n\n\
                \t效益指标\n\t社会效益\n指标\n\t入学率\n\t≥98%\n\n\
                \t\n\t服务对象满意度指标\n\t学生满意度\n\t≥90%\n\n";
    let doc = parse_str(text, &ReadOptions::default()).unwrap();
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
    let t = &doc.sections[0].tables[0];
    let read: Vec<(Level1, &str, &str, &str, Option<f64>)> =
        t.indicators().map(|(c, s, i)| (c.level1, c.label.as_str(), s.label.as_str(), i.name.as_str(), i.weight)).collect();
    assert_eq!(
        read,
        [
            (Level1::Output, "产出指标", "数量指标", "改造学校数(5分)", Some(5.0)),
            (Level1::Effect, "效益指标", "社会效益指标", "入学率", None),
            (Level1::Satisfaction, "效益指标", "服务对象满意度指标", "学生满意度", None),
        ]
    );
    let findings = review::review(&doc, &review::ReviewConfig::new());
    assert!(findings.iter().any(|f| f.rule == "misplaced-category"), "{findings:?}");
    let again = parse_str(&write::text::to_string(&doc), &ReadOptions::default()).unwrap();
    let tree = |d: &Document| -> Vec<(Level1, String, Vec<String>)> {
        d.sections[0].tables[0].categories.iter().map(|c| (c.level1, c.label.clone(), c.children.iter().map(|s| s.label.clone()).collect())).collect()
    };
    assert_eq!(tree(&again), tree(&doc));
}

/// A 项目名称 row's name is its first cell; the row's further cells (项目负责人及电话 | 李宁) are
/// a field of the table's 基本信息, not glued to the name. A 注: paragraph that the text save puts into the last
/// target cell is the table's footnote remark, and the target reads without it.
#[test]
fn name_row_with_more_cells_and_a_footnote_in_the_last_cell() {
    let text = "第三部分  预算项目绩效目标\n\n1、某项目绩效目标申报表\n\t项目名称\n\t某项目\n\t项目负责人及电话\n\t李宁\n\n\
                \t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n\
                \t满意度指标\n\t服务对象满意度指标\n\t受益户满意度\n\t≥95%\n\n注:各地请根据实际情况填报。\n";
    let doc = parse_str(text, &ReadOptions::default()).unwrap();
    let t = &doc.sections[0].tables[0];
    assert_eq!(t.name, "某项目");
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
    let info: Vec<(&str, &str)> = t.info.iter().map(|r| (r.label.as_str(), r.text.as_str())).collect();
    assert_eq!(info, [("项目负责人及电话", "李宁")]);
    let (_, _, i) = t.indicators().next().unwrap();
    assert_eq!((i.target.raw.as_str(), i.target.kind, i.target.value), ("≥95%", TargetKind::Quantity, Some(95.0)));
    let remarks: Vec<(&str, &str)> = t.remarks.iter().map(|r| (r.label.as_str(), r.text.as_str())).collect();
    assert_eq!(remarks, [("注", "注:各地请根据实际情况填报。")]);
    let again = parse_str(&write::text::to_string(&doc), &ReadOptions::default()).unwrap();
    assert_eq!(again.sections[0].tables[0].remarks.len(), 1);
    let info_again: Vec<(&str, &str)> = again.sections[0].tables[0].info.iter().map(|r| (r.label.as_str(), r.text.as_str())).collect();
    assert_eq!(info_again, info);
    assert_eq!(again.sections[0].tables[0].indicators().next().map(|(_, _, i)| i.target.raw.clone()), Some("≥95%".to_owned()));
}

/// The fields above the header, as forms lay them out: one to a row, several label and value
/// pairs in a row, a group label before its pairs, a level of government before the label. They
/// are the table's `info` (not notes), and read back the same from the text and xlsx writers.
#[test]
fn fields_above_the_header_are_the_tables_info() {
    let text = "第三部分  预算项目绩效目标\n\n1、某项目绩效目标申报表\n\t项目名称\n\t某项目\n\n\
                \t县级主管部门\n\t某县农业农村局\n\t实施单位\n\t某县农技中心\n\n\
                \t项目属性\n\t新增项目\n\n\
                \t项目资金(万元)\n\t年度资金总额:\n\t35\n\t其中:财政拨款\n\t30\n\t其他资金\n\t5\n\n\
                \t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n\
                \t产出指标\n\t数量指标\n\t推广面积\n\t≥1000亩\n";
    let doc = parse_str(text, &ReadOptions::default()).unwrap();
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
    let info = |d: &Document| -> Vec<(String, String)> { d.sections[0].tables[0].info.iter().map(|r| (r.label.clone(), r.text.clone())).collect() };
    let expected: Vec<(String, String)> = [
        ("县级主管部门", "某县农业农村局"),
        ("实施单位", "某县农技中心"),
        ("项目属性", "新增项目"),
        ("项目资金(万元)", ""),
        ("年度资金总额:", "35"),
        ("其中:财政拨款", "30"),
        ("其他资金", "5"),
    ]
    .iter()
    .map(|(l, t)| (l.to_string(), t.to_string()))
    .collect();
    assert_eq!(info(&doc), expected);
    assert_eq!(doc.sections[0].tables[0].info[1].location, Location::line(9), "each field at its label's line");
    let again = parse_str(&write::text::to_string(&doc), &ReadOptions::default()).unwrap();
    assert_eq!(info(&again), expected, "through the text writer");
    let bytes = write::xlsx::to_bytes(&doc).unwrap();
    let from_xlsx = parse_bytes(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(info(&from_xlsx), expected, "through the xlsx writer");
}
