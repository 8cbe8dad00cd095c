namespace Payouts.Domain.Statements.Rendering;

/// <summary>
/// The look of every page for people (statement, yearly summary): mobile first, wide tables scrolling in their own box,
/// the payable big, print-friendly (A4, colours kept, collapsible tables left out).
/// </summary>
internal static class HtmlPage
{
    public const string Style = """
        *{box-sizing:border-box}
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;max-width:60rem;margin:0 auto;padding:1rem;overflow-wrap:break-word}
        h1{font-size:1.35rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:1.75rem 0 .5rem}.creator{font-size:1.15rem;font-weight:600;margin:0}
        .muted{color:#5b6470}.badge{display:inline-block;padding:.1rem .6rem;border-radius:1rem;font-weight:600;background:#e7f5ec;color:#176c3a}
        .badge.Blocked{background:#fde8e8;color:#9b1c1c}.badge.CarriedForward{background:#fff4e0;color:#8a5300}.badge.Draft{background:#e8eefc;color:#1e40af}
        .payable{border:1px solid #cfe3d6;background:#f3f9f5;border-radius:.5rem;padding:.75rem 1rem;margin:1rem 0}
        .payable p{margin:0}.payable .amount{font-size:2.1rem;font-weight:700;line-height:1.2;font-variant-numeric:tabular-nums}
        .draft{border:2px dashed #1e40af;padding:.5rem 1rem;margin:1rem 0;color:#1e40af;font-weight:600}
        .scroll{overflow-x:auto;max-width:100%}
        table{width:100%;border-collapse:collapse;margin:.5rem 0 1rem}th,td{padding:.35rem .5rem;border-bottom:1px solid #e3e6ea;text-align:left;vertical-align:top}
        th{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:#5b6470}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        tr.neg td.num{color:#9b1c1c}tr.total td{font-weight:600;border-top:2px solid #1b1f24}tr.payable td{font-size:1.15rem;font-weight:700}
        .adj{font-size:.75rem;background:#fff4e0;color:#8a5300;padding:0 .4rem;border-radius:.3rem;margin-right:.3rem}.detail{font-size:.8rem;color:#5b6470}
        svg.chart{display:block;width:100%;max-width:32rem;height:auto}figure{margin:0}figcaption{font-size:.8rem;color:#5b6470}
        summary{cursor:pointer;color:#1e40af;margin:.5rem 0}ul.rates{padding-left:1.2rem}
        footer{margin-top:2rem;font-size:.75rem;color:#5b6470;overflow-wrap:anywhere}
        @media (min-width:40rem){body{padding:2rem 1rem}h1{font-size:1.5rem}}
        @media print{body{margin:0;max-width:none;padding:0}.scroll{overflow:visible}details{display:none}svg.chart{max-width:16cm}
        *{-webkit-print-color-adjust:exact;print-color-adjust:exact}thead{display:table-header-group}tr,figure,.payable{page-break-inside:avoid}@page{size:A4;margin:15mm}}
        """;
}
