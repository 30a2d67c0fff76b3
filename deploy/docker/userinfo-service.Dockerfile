# userinfo-service on a JRE 17, from the Quarkus fast-jar layout (target/quarkus-app).
# Build from the repository root (the .dockerignore there sends only the four quarkus-app folders):
#   ./mvnw -B -DskipTests package
#   docker build -f deploy/docker/userinfo-service.Dockerfile -t gatehouse/userinfo-service:0.1.0 .
# Pin the base image by digest in your registry for reproducible builds.
FROM eclipse-temurin:17-jre

# The JVM sizes its heap from the container's memory limit; override with JAVA_TOOL_OPTIONS in the Deployment.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError" \
    LANG=C.UTF-8

WORKDIR /deployments
# Layers from the least to the most often changed: dependencies, launcher, application, generated code.
# Files stay owned by root and read-only to the service user.
COPY userinfo-service/target/quarkus-app/lib/ /deployments/lib/
COPY userinfo-service/target/quarkus-app/*.jar /deployments/
COPY userinfo-service/target/quarkus-app/app/ /deployments/app/
COPY userinfo-service/target/quarkus-app/quarkus/ /deployments/quarkus/

# A numeric non-root user, so that Kubernetes' runAsNonRoot can verify it.
USER 10001:10001
EXPOSE 8083
ENTRYPOINT ["java", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-jar", "/deployments/quarkus-run.jar"]
