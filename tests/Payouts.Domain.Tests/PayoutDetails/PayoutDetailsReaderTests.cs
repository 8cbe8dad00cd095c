using Payouts.Domain.PayoutDetails;
using Payouts.Domain.Records.Validation;

namespace Payouts.Domain.Tests.PayoutDetails;

public sealed class PayoutDetailsReaderTests
{
    private const string FrenchIban = "FR76 3000 6000 0112 3456 7890 189";

    [Fact]
    public void Read_IbanWithoutMethod_IsSepa()
    {
        var errors = new FieldErrors();

        var details = PayoutDetailsReader.Read("lea", FrenchIban, "bnpafrpp", "Léa Martin", null, errors);

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.Equal(PayoutMethod.Sepa, details!.Method);
        Assert.Equal("FR7630006000011234567890189", details.Iban!.Electronic);
        Assert.Equal("BNPAFRPP", details.Bic!.Value);
        Assert.Equal("FR76 **** **** **** **** ***0 189", details.MaskedAccount);
    }

    [Fact]
    public void Read_NoIbanNoMethod_IsManual()
    {
        var errors = new FieldErrors();

        var details = PayoutDetailsReader.Read("lea", null, null, "Léa Martin", null, errors);

        Assert.Equal(PayoutMethod.Manual, details!.Method);
        Assert.Null(details.Iban);
        Assert.Equal(string.Empty, details.MaskedAccount);
    }

    [Fact]
    public void Read_ManualWithAnIban_KeepsTheIbanForReference() =>
        Assert.Equal(PayoutMethod.Manual, PayoutDetailsReader.Read("lea", FrenchIban, null, "Léa Martin", "manual", new FieldErrors())!.Method);

    [Fact]
    public void Read_SepaWithoutIban_IsAFieldError()
    {
        var errors = new FieldErrors();

        Assert.Null(PayoutDetailsReader.Read("lea", null, null, "Léa Martin", "sepa", errors));
        Assert.Equal(["is required for the sepa method"], errors.ToDictionary()["iban"]);
    }

    [Fact]
    public void Read_SepaToAnIbanOutsideSepa_SaysToUseManual()
    {
        var errors = new FieldErrors();

        Assert.Null(PayoutDetailsReader.Read("lea", "SA0380000000608010167519", null, "Léa Martin", null, errors));
        Assert.Equal(["is from SA, outside SEPA: use the manual method"], errors.ToDictionary()["iban"]);
        Assert.NotNull(PayoutDetailsReader.Read("lea", "SA0380000000608010167519", null, "Léa Martin", "manual", new FieldErrors()));
    }

    [Fact]
    public void Read_EveryFieldWrong_ReportsThemAllAndNeverTheValues()
    {
        var errors = new FieldErrors();

        Assert.Null(PayoutDetailsReader.Read("lea/x", "FR7630006000011234567890198", "BNPA", "Léa\u0007", "cheque", errors));

        var byField = errors.ToDictionary();
        Assert.Equal(["accountHolder", "bic", "creatorId", "iban", "method"], byField.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(byField.Values.SelectMany(m => m), m => m.Contains("30006000011234567890198", StringComparison.Ordinal) || m.Contains("Léa", StringComparison.Ordinal));
    }

    [Fact]
    public void CreatorPayoutDetails_SepaWithoutIban_CannotBeMade() =>
        Assert.Throws<ArgumentException>(() => new CreatorPayoutDetails("lea", PayoutMethod.Sepa, null, null, AccountHolderName.Parse("Léa")));

    [Fact]
    public void CreatorPayoutDetails_ToString_ShowsNoIbanOrNameInClear()
    {
        var details = PayoutDetailsReader.Read("lea", FrenchIban, null, "Léa Martin", null, new FieldErrors())!;

        var text = details.ToString();

        Assert.DoesNotContain("30006000011234567890", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Léa Martin", text, StringComparison.Ordinal);
        Assert.Contains("FR76 ****", text, StringComparison.Ordinal);
    }
}
