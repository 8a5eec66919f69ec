// @tensorflow/tfjs-backend-cpu in the site's lab workers: the site's TensorFlow.js script, loaded on first use (lite/tfjsLoad.ts).
module.exports = require("../tfjsLoad").tfjsModule("@tensorflow/tfjs-backend-cpu");
