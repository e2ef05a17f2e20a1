CREATE (:Thing {key: 'second'});
