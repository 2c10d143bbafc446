namespace Mpi.Service.Fhir;

/// <summary>Puts the FHIR face on its port, at the end of the pipeline there: the FHIR port answers FHIR only.</summary>
public static class FhirFacePipeline
{
    public static WebApplication UseFhirFace(this WebApplication app, Func<HttpContext, bool> isFhirConnection)
    {
        app.UseWhen(isFhirConnection, fhir => fhir.Run(context => context.RequestServices.GetRequiredService<FhirFace>().InvokeAsync(context)));
        return app;
    }
}
