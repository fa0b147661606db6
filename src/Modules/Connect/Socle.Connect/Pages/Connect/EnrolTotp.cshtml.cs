using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using QRCoder;
using Socle.Audit.Contracts;
using Socle.Connect.Domain;

namespace Socle.Connect.Pages.Connect;

/// <summary>
/// TOTP enrolment after the password: a new secret shown as a QR code (otpauth URI) and in text. The candidate
/// secret travels in a protected, 10-minute form field and is stored only once a first code proves the app holds it.
/// </summary>
public sealed class EnrolTotpModel : ConnectPageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Enrolment { get; set; }

    public string Secret { get; private set; } = string.Empty;

    public string QrSvgBase64 { get; private set; } = string.Empty;

    public string? Message { get; private set; }

    private ITimeLimitedDataProtector Protector =>
        HttpContext.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector("Socle.Connect.TotpEnrolment").ToTimeLimitedDataProtector();

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await PendingAccountAsync();
        if (account is null)
        {
            return BackToLogin();
        }

        Show(account, Base32.Encode(Totp.NewSecret()));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await PendingAccountAsync();
        if (account is null)
        {
            return BackToLogin();
        }

        string secret;
        try
        {
            secret = Protector.Unprotect(Enrolment ?? string.Empty).Split('|') is [var owner, var s] && owner == account.Id.ToString("N") ? s : throw new FormatException();
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or FormatException)
        {
            Show(account, Base32.Encode(Totp.NewSecret()));
            Message = "Cette page a expiré : scannez le nouveau code QR.";
            return Page();
        }

        if (!await Accounts.EnrolTotpAsync(account, secret, Code ?? string.Empty, HttpContext.RequestAborted))
        {
            await Audit.RecordAsync(HttpContext, "connect.enrol-totp", "socle-connect", "-", account.IdNat, AuditOutcome.Denied, "wrong code", "Account", account.Id.ToString("N"));
            Show(account, secret);
            Message = "Code incorrect. Vérifiez l'heure de votre téléphone et réessayez.";
            return Page();
        }

        await Audit.RecordAsync(HttpContext, "connect.enrol-totp", "socle-connect", "-", account.IdNat, AuditOutcome.Success, null, "Account", account.Id.ToString("N"));
        return await CompleteLoginAsync(account, "pwd otp");
    }

    private void Show(Account account, string secret)
    {
        Secret = secret;
        Enrolment = Protector.Protect($"{account.Id:N}|{secret}", TimeSpan.FromMinutes(10));
        var uri = Totp.ProvisioningUri("Socle", account.Login, secret);
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        QrSvgBase64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    }
}
