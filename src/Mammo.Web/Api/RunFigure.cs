namespace Mammo.Web.Api;

/// <summary>The figures a complete run is drawn as, by Mammo.Reporting, as in an experiment's report.</summary>
public enum RunFigure
{
    Curves,
    Confusion,
    Roc,
    Calibration,
}
